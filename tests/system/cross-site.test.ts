// The CSRF rule against the production build (`next start`), as curl or a hostile page would meet it: another
// Origin is refused on every state-changing route, admin writes accept only JSON, and the HMAC-signed Vipps
// webhook stays reachable. Nothing moves while the operator's cookie is sent along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../integration/throwaway-postgres';
import { demoStaff } from '../support/demo-staff';
import { reserveOrderOverHttp } from '../support/reserved';
import { startApp, type AppProcess } from './support/app-process';
import { signInOverHttp } from './support/staff-http';

const OPERATOR = demoStaff('operator');
const EVIL = 'http://evil.example';

let simulator: RunningSimulator;
let sim: SimulatorControl;
let database: { name: string; url: string };
let app: AppProcess;
let cookie: string;

const reservedPayment = async () =>
  (await reserveOrderOverHttp(app.url, sim, { items: [{ sku: 'fjellkaffe', quantity: 1 }] })).reference;

async function capturedEvents(reference: string): Promise<number> {
  const view = await sim.payment(reference);
  return view.events.filter((e) => e.name === 'CAPTURED' || e.name === 'REFUNDED').length;
}

async function post(path: string, headers: Record<string, string>, body = '{"amountOre":123}') {
  const response = await fetch(`${app.url}${path}`, { method: 'POST', redirect: 'manual', headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text };
}

describe('cross-site requests against next start', () => {
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, logLevel: 'silent' });
    sim = simulatorControl(simulator);
    database = await createThrowawayPostgres();
    app = await startApp({
      env: { DATABASE_URL: database.url, VIPPS_BASE_URL: simulator.url.replace('127.0.0.1', 'localhost') },
    });
    cookie = await signInOverHttp(app.url, OPERATOR.email, OPERATOR.password);
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
    if (database) await dropThrowawayPostgres(database.name);
  });

  it('refuses curl with Origin: http://evil.example (403) and a text/plain admin body (415); nothing moves', async () => {
    const reference = await reservedPayment();
    for (const kind of ['capture', 'refund', 'cancel']) {
      const path = `/api/admin/payments/${reference}/${kind}`;
      const foreign = await post(path, { cookie, origin: EVIL, 'content-type': 'text/plain' });
      expect(foreign, path).toMatchObject({ status: 403, type: 'application/problem+json' });
      expect(JSON.parse(foreign.text)).toMatchObject({ status: 403, code: 'cross_site_request' });
      const sameSite = await post(path, { cookie, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' });
      expect(sameSite.status, `${path} from a same-site page without Origin`).toBe(403);
      const plain = await post(path, { cookie, 'content-type': 'text/plain' });
      expect(plain, path).toMatchObject({ status: 415, type: 'application/problem+json' });
      expect(JSON.parse(plain.text)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
    for (const path of ['/api/admin/operations/1/settle', '/api/admin/webhooks/1/reprocess']) {
      expect((await post(path, { cookie, origin: EVIL, 'content-type': 'application/json' }, '{}')).status, path).toBe(
        403,
      );
      expect((await post(path, { cookie, 'content-type': 'text/plain' }, '{}')).status, path).toBe(415);
    }
    expect(await capturedEvents(reference)).toBe(0);

    // The shop's own origin with JSON still captures.
    const own = await post(`/api/admin/payments/${reference}/capture`, {
      cookie,
      origin: app.url,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    });
    expect(own.status, own.text).toBe(200);
    expect(await capturedEvents(reference)).toBe(1);
  });

  it('refuses another origin on the shop’s checkout and retry, and on next-auth’s sign-in (login CSRF)', async () => {
    const json = { origin: EVIL, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };
    const checkout = await post('/api/checkout', json, JSON.stringify({ items: [{ sku: 'fjellkaffe', quantity: 1 }] }));
    expect(checkout.status).toBe(403);
    expect((await post('/api/payments/fb-unknown-ref/retry', json, '{}')).status).toBe(403);
    const signIn = await post(
      '/api/auth/callback/credentials',
      { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ email: OPERATOR.email, password: OPERATOR.password, csrfToken: 'x' }).toString(),
    );
    expect(signIn.status).toBe(403);
  });

  it('leaves the HMAC-signed Vipps webhook to its signature check, whatever Origin it carries', async () => {
    const unsigned = await post('/api/webhooks/vipps', { origin: EVIL, 'content-type': 'application/json' }, '{}');
    expect(unsigned.status).not.toBe(403);
    expect(unsigned.text).not.toContain('cross_site_request');
    expect(unsigned.status).toBe(401);
  });
});
