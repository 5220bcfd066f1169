// How Vipps' answers are classified in the production build (`next build` + `next start`), where each route bundle
// holds its own copy of the error classes while the Vipps client, kept on globalThis, throws the errors of the
// copy that created it: a check by `instanceof` then misses them, and "rejected" or "not performed" became
// "unknown" (and a checkout under 429 a 500). These go through the real routes of a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import type { MoneyMoveResponse, OrderDetailResponse } from '@/lib/admin-api';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../integration/throwaway-postgres';
import { demoStaff } from '../support/demo-staff';
import { reserveOrderOverHttp } from '../support/reserved';
import { startApp, type AppProcess } from './support/app-process';
import { signInOverHttp } from './support/staff-http';

const OPERATOR = demoStaff('operator');

let simulator: RunningSimulator;
let sim: SimulatorControl;
let database: { name: string; url: string };
let app: AppProcess;
let cookie: string;

/** A call straight to the simulator's ePayment API, as another system (or Vipps' portal) acting on the payment. */
async function vippsDirect(path: string, body: unknown): Promise<Response> {
  const { clientId, clientSecret, subscriptionKey, msn } = SIMULATOR_CREDENTIALS;
  const common = { 'Ocp-Apim-Subscription-Key': subscriptionKey, 'Merchant-Serial-Number': msn };
  const token = await fetch(`${simulator.url}/accesstoken/get`, {
    method: 'POST',
    headers: { ...common, client_id: clientId, client_secret: clientSecret },
  });
  const { access_token } = (await token.json()) as { access_token: string };
  return fetch(`${simulator.url}/epayment/v1${path}`, {
    method: 'POST',
    headers: {
      ...common,
      authorization: `Bearer ${access_token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
}

function checkout(checkoutKey: string): Promise<Response> {
  return fetch(`${app.url}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': checkoutKey },
    body: JSON.stringify({ items: [{ sku: 'fjellkaffe', quantity: 1 }] }),
  });
}

/** A checkout the shopper approved, and our ledger holding it as reserved. */
const reservedOrder = () => reserveOrderOverHttp(app.url, sim, { items: [{ sku: 'fjellkaffe', quantity: 1 }] });

function staffMove(reference: string, kind: 'capture' | 'cancel'): Promise<Response> {
  return fetch(`${app.url}/api/admin/payments/${reference}/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: '{}',
  });
}

async function orderDetail(orderNumber: string): Promise<OrderDetailResponse> {
  const response = await fetch(`${app.url}/api/admin/orders/${orderNumber}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as OrderDetailResponse;
}

describe('Vipps outcomes in the production build', () => {
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, logLevel: 'silent' });
    sim = simulatorControl(simulator);
    database = await createThrowawayPostgres();
    app = await startApp({
      env: {
        DATABASE_URL: database.url,
        VIPPS_BASE_URL: simulator.url.replace('127.0.0.1', 'localhost'),
        // The 429s below are answered within a few seconds instead of the default 30 s deadline.
        VIPPS_RETRY_DEADLINE_MS: '6000',
        // No sweep during a test: an operation left "unknown" must show as such, not be settled in the background.
        RECONCILE_INTERVAL_MS: '600000',
      },
    });
    cookie = await signInOverHttp(app.url, OPERATOR.email, OPERATOR.password);
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
    if (database) await dropThrowawayPostgres(database.name);
  }, 60_000);

  it("a capture Vipps rejects (cancelled meanwhile, 6070) is 'rejected' with Vipps' words, in the answer, audit and timeline", async () => {
    const { orderNumber, reference } = await reservedOrder();
    // Someone cancels at Vipps while our ledger still holds the reservation; its webhook is lost on the way.
    await sim.webhooks.faults.add({ kind: 'drop', eventName: 'CANCELLED', reference });
    expect((await vippsDirect(`/payments/${reference}/cancel`, {})).status).toBe(200);

    const response = await staffMove(reference, 'capture');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as MoneyMoveResponse;
    // Vipps' own words for this refusal: what it answers anyone who tries the same capture.
    const vipps = (await (
      await vippsDirect(`/payments/${reference}/capture`, { modificationAmount: { currency: 'NOK', value: 100 } })
    ).json()) as { title: string };
    expect(answer).toMatchObject({ status: 'rejected', vippsCode: '6070', vippsTitle: vipps.title });

    const detail = await orderDetail(orderNumber);
    expect(detail.staffActions.filter((a) => a.action === 'capture').map((a) => a.result)).toEqual(['rejected']);
    const captureEntry = detail.timeline.find((e) => e.source === 'staff' && e.title === 'Capture');
    expect(captureEntry).toMatchObject({ outcome: 'rejected', detail: expect.stringContaining('6070') as unknown });
  }, 90_000);

  it("a capture refused with 429 on every attempt is 'Vipps is busy', closed, and the next capture goes through", async () => {
    const { orderNumber, reference } = await reservedOrder();
    await sim.faults.add({
      operation: 'capture',
      reference,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      count: 50,
    });

    const refused = await staffMove(reference, 'capture');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'vipps_unavailable', title: 'Vipps is busy right now' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const detail = await orderDetail(orderNumber);
    expect(detail.staffActions.map((a) => [a.action, a.result])).toEqual([['capture', 'rejected']]);
    expect(detail.timeline.find((e) => e.source === 'staff' && e.title === 'Capture')).toMatchObject({
      outcome: 'rejected',
    });

    // Nothing was left in flight: the very next move is not refused with 409 "another operation has not finished".
    await sim.faults.clear();
    // The simulator's gateway counted the refused attempts against Vipps' 5 a minute per reference (BRIEF §4):
    // move its clock past that minute, so what is left to see is whether we ourselves block the next move.
    await sim.advanceClock(61);
    const next = await staffMove(reference, 'capture');
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ status: 'succeeded' });
  }, 90_000);

  it('a checkout while Vipps answers 429 gets a retryable 503 vipps_unavailable, and pressing again later pays', async () => {
    await sim.faults.add({ operation: 'create', kind: 'status', status: 429, retryAfterSeconds: 1, count: 50 });
    const checkoutKey = crypto.randomUUID();
    const busy = await checkout(checkoutKey);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('content-type')).toBe('application/problem+json');
    expect(await busy.json()).toMatchObject({ code: 'vipps_unavailable', title: 'Vipps is busy right now' });
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);

    await sim.faults.clear();
    await sim.advanceClock(61); // past Vipps' rate-limit minute, as above
    const again = await checkout(checkoutKey);
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ redirectUrl: expect.stringContaining('http') as unknown });
  }, 90_000);
});
