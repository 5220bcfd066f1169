import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { demoStaff, expect, test } from './support/fixtures';

/**
 * Every admin page and admin route handler, found on the file system rather than listed, so
 * a route someone adds tomorrow is checked too. Signed out: pages redirect to /login, handlers answer 401
 * problem+json. A viewer: every handler that changes something (POST, PUT, PATCH, DELETE) answers 403.
 */
const ROOT = path.join(__dirname, '..');

function filesNamed(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

/** The URL segments of an app-router file, or undefined when the folder is private (`_x`) and not a route. */
function routeSegments(file: string): string[] | undefined {
  const segments = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep);
  if (segments.some((s) => s.startsWith('_'))) return undefined;
  // Route groups `(x)` and parallel-route slots `@x` are not part of the URL.
  return segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
}

const HANDLER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof HANDLER_METHODS)[number];
const MOVES_MONEY: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Handlers that change only the caller's own account, which every staff member may do whatever their role
 * (ending one of your own sessions). A viewer gets past the role check, so `{}` is refused as invalid.
 */
const OWN_ACCOUNT_ONLY: ReadonlySet<string> = new Set([
  path.join('app', 'api', 'admin', 'sessions', 'end', 'route.ts'),
]);

/** The methods a route.ts exports (`export const POST`, `export async function GET`, `export { x as PUT }`). */
function exportedMethods(file: string): Method[] {
  const source = readFileSync(file, 'utf8');
  return HANDLER_METHODS.filter((m) =>
    new RegExp(`export\\s+(const|let|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\bas\\s+${m}\\b`).test(
      source,
    ),
  );
}

const pages = filesNamed(path.join(ROOT, 'app/admin'), 'page.tsx').flatMap((f) => {
  const segments = routeSegments(f);
  return segments ? [{ file: path.relative(ROOT, f), segments }] : [];
});
const handlers = filesNamed(path.join(ROOT, 'app/api/admin'), 'route.ts').flatMap((f) => {
  const segments = routeSegments(f);
  return segments ? [{ file: path.relative(ROOT, f), segments, methods: exportedMethods(f) }] : [];
});

interface Ids {
  orderNumber: string;
  reference: string;
}

/** Dynamic segments get real values from an order made through the shop's own routes (or a dummy id). */
function urlFor(segments: string[], ids: Ids): string {
  const filled = segments.map((s) => {
    const param = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(s)?.[1];
    if (!param) return s;
    if (/reference/i.test(param)) return ids.reference;
    if (/order|number/i.test(param)) return ids.orderNumber;
    return '1';
  });
  return `/${filled.join('/')}`;
}

async function createOrder(request: APIRequestContext): Promise<Ids> {
  const response = await request.post('/api/checkout', {
    headers: { 'idempotency-key': crypto.randomUUID() },
    data: { items: [{ sku: 'fjord-mug', quantity: 1 }] },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Ids;
}

test('the walk finds the admin pages, and each one checks the session itself', () => {
  // Not empty by accident: the admin home is always there.
  expect(pages.map((p) => p.file)).toContain(path.join('app', 'admin', 'page.tsx'));
  for (const handler of handlers) expect(handler.methods, `${handler.file} exports no handler`).not.toEqual([]);
  // proxy.ts turns signed-out visitors away first, so the HTTP checks below cannot see a page or handler that
  // forgot its own check (README "Security": guarded in proxy.ts and again in each page and handler).
  for (const { file } of [...pages, ...handlers]) {
    expect(readFileSync(path.join(ROOT, file), 'utf8'), `${file} never calls requireStaff`).toMatch(
      /\brequireStaff(Page)?\(/,
    );
  }
});

test.describe('signed out', () => {
  test('every admin page redirects to /login', async ({ request }) => {
    const ids = await createOrder(request);
    for (const page of pages) {
      const url = urlFor(page.segments, ids);
      const response = await request.get(url, { maxRedirects: 0 });
      expect([302, 303, 307, 308], `${page.file} (${url})`).toContain(response.status());
      expect(new URL(response.headers().location ?? '', 'http://x').pathname, page.file).toBe('/login');
    }
  });

  test('every admin route handler answers 401 problem+json', async ({ request }) => {
    const ids = await createOrder(request);
    for (const handler of handlers) {
      const url = urlFor(handler.segments, ids);
      for (const method of handler.methods) {
        const response = await request.fetch(url, { method, data: method === 'GET' ? undefined : {}, maxRedirects: 0 });
        const where = `${method} ${url} (${handler.file})`;
        expect(response.status(), where).toBe(401);
        expect(response.headers()['content-type'], where).toContain('application/problem+json');
        expect(await response.json(), where).toMatchObject({ status: 401, code: 'unauthenticated' });
      }
    }
  });
});

test.describe('signed in as a viewer', () => {
  test('every admin handler that changes something answers 403', async ({ page, signInAs }) => {
    const ids = await createOrder(page.request);
    await signInAs('viewer');
    for (const handler of handlers) {
      const url = urlFor(handler.segments, ids);
      for (const method of handler.methods.filter((m) => MOVES_MONEY.has(m))) {
        // Sent with the viewer's session cookie; the handler must refuse before it reads the body.
        const response = await page.request.fetch(url, { method, data: {}, maxRedirects: 0 });
        const where = `${method} ${url} (${handler.file})`;
        if (OWN_ACCOUNT_ONLY.has(handler.file)) {
          expect(response.status(), where).toBe(400);
          expect(await response.json(), where).toMatchObject({ status: 400, code: 'validation_failed' });
          continue;
        }
        expect(response.status(), where).toBe(403);
        expect(await response.json(), where).toMatchObject({ status: 403, code: 'forbidden' });
      }
    }
  });

  test("a viewer's capture, refund and cancel are refused and written to the order's staff actions", async ({
    page,
    reservedOrder,
    signInAs,
  }) => {
    await signInAs('viewer');
    for (const move of ['capture', 'refund', 'cancel']) {
      const response = await page.request.post(`/api/admin/payments/${reservedOrder.reference}/${move}`, { data: {} });
      expect(response.status(), move).toBe(403);
    }
    const detail = await page.request.get(`/api/admin/orders/${reservedOrder.orderNumber}`);
    const { staffActions } = (await detail.json()) as { staffActions: Record<string, unknown>[] };
    expect(staffActions.map((a) => [a.action, a.result, a.amountOre])).toEqual([
      ['capture', 'refused', null],
      ['refund', 'refused', null],
      ['cancel', 'refused', null],
    ]);
    for (const action of staffActions) {
      expect(action).toMatchObject({
        staffEmail: demoStaff('viewer').email,
        reason: expect.stringContaining('operator role'),
      });
    }
    // The order page's staff log shows them too.
    await page.goto(reservedOrder.path);
    await expect(page.getByRole('heading', { name: 'Staff actions' })).toBeVisible();
    await expect(page.getByText('needs the operator role').first()).toBeVisible();
  });
});
