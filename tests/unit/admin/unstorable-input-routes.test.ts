// Admin query strings and bodies that hold text PostgreSQL cannot store (U+0000, a lone surrogate) are 400
// problems in the handler: the lib functions (and so the database) never see them.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  list: [] as unknown[],
  capture: [] as unknown[],
  apiLog: [] as unknown[],
  inbox: [] as unknown[],
}));
// requireStaff reads the session row and the account from the database; here an operator is signed in.
vi.mock('@/lib/server/auth/current-staff', () => ({
  currentStaff: () => Promise.resolve({ email: 'op@shop.no', role: 'operator', sessionId: 1 }),
}));
vi.mock('@/lib/server/orders', () => ({
  adminListOrders: (query: unknown) => {
    calls.list.push(query);
    return Promise.resolve({ items: [], page: 1, pageSize: 20, total: 0, asOf: new Date(0).toISOString() });
  },
  captureMoney: (request: unknown) => {
    calls.capture.push(request);
    return Promise.resolve({ operationId: 1, status: 'succeeded', amountOre: 1, vippsCode: null, vippsTitle: null });
  },
  auditRefusedMove: () => () => Promise.resolve(),
}));
vi.mock('@/lib/server/api-log', () => ({
  apiLogResponse: (query: unknown) => {
    calls.apiLog.push(query);
    return Promise.resolve({ entries: [], reference: null, page: 1, pageSize: 50, hasMore: false });
  },
}));
vi.mock('@/lib/server/webhooks/admin', () => ({
  webhookInbox: (query: unknown) => {
    calls.inbox.push(query);
    return Promise.resolve({ deliveries: [], filter: 'all', reference: null, page: 1, pageSize: 50, hasMore: false });
  },
}));

const ordersList = await import('@/app/api/admin/orders/route');
const capture = await import('@/app/api/admin/payments/[reference]/capture/route');
const apiLog = await import('@/app/api/admin/api-log/route');
const inbox = await import('@/app/api/admin/webhooks/route');

const get = (path: string) => new Request(`http://localhost:3000${path}`);
const NUL_QUERIES = ['%00', 'FB-1%00'];

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { errors?: { path: string }[] };
}

describe('admin handlers and text the database cannot store', () => {
  beforeEach(() => {
    for (const list of Object.values(calls)) list.length = 0;
  });

  it.each(NUL_QUERIES)('GET /api/admin/orders?q=%s is a 400 with a field error', async (q) => {
    const body = await expectProblem(await ordersList.GET(get(`/api/admin/orders?q=${q}`), undefined), 400);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'q' })]);
    expect(calls.list).toEqual([]);
  });

  it('a lone surrogate in the orders search is refused by the schema the page and the handler share', async () => {
    // A URL cannot carry one (it decodes to U+FFFD), but the admin page hands its searchParams over as they are.
    const { orderListQuerySchema } = await import('@/lib/admin-api');
    const { parsePageSearchParams } = await import('@/lib/server/http/route-input');
    const refused = await parsePageSearchParams({ q: 'fb\uD800' }, orderListQuerySchema);
    expect(refused.invalid).toEqual([expect.objectContaining({ path: 'q' })]);
    expect((await parsePageSearchParams({ q: 'fb-100001' }, orderListQuerySchema)).invalid).toEqual([]);
  });

  it.each(['api-log', 'webhooks'])('GET /api/admin/%s with a NUL in the reference is a 400', async (page) => {
    const handler = page === 'api-log' ? apiLog.GET : inbox.GET;
    const body = await expectProblem(await handler(get(`/api/admin/${page}?reference=fb%00x`), undefined), 400);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'reference' })]);
    expect([...calls.apiLog, ...calls.inbox]).toEqual([]);
  });

  it('a capture note with a NUL is a 400 field error, and nothing is captured', async () => {
    const request = new Request('http://localhost:3000/api/admin/payments/fb-100001-1-abcdefgh/capture', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amountOre: 100, note: 'ok\u0000' }),
    });
    const response = await capture.POST(request, { params: Promise.resolve({ reference: 'fb-100001-1-abcdefgh' }) });
    expect((await expectProblem(response, 400)).errors).toEqual([expect.objectContaining({ path: 'note' })]);
    expect(calls.capture).toEqual([]);
  });

  it('ordinary text still goes through', async () => {
    expect((await ordersList.GET(get('/api/admin/orders?q=FB-100001'), undefined as never)).status).toBe(200);
    expect((await apiLog.GET(get('/api/admin/api-log?reference=fb-100001-1-x'), undefined as never)).status).toBe(200);
    expect(calls.list).toHaveLength(1);
  });
});
