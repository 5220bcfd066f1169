// Forged and replayed webhooks through the real route (POST /api/webhooks/vipps): what Vipps' or an attacker's
// client sees, and that nothing in the database moves. The receiver-level cases live in
// orders/webhooks-and-reconciler.test.ts.
import './next-runtime';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/webhooks/vipps/route';
import { orders, paymentOperations, payments, webhookEvents, webhookRegistrations } from '@/lib/server/db/schema';
import { signWebhook } from '@/lib/server/vipps/webhook-signature';
import { ensureWebhookRegistered, webhookUrlFor } from '@/lib/server/webhooks/registration';
import {
  SHOP_URL,
  callRoute,
  expectProblemEnvelope,
  pendingAfterTasks,
  setUpRouteWorld,
  type RouteCall,
} from './support';
import { reserveOrder } from '../../support/reserved';

const getWorld = setUpRouteWorld();
let secret = '';

beforeAll(async () => {
  expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
  secret = (await getWorld().handle.db.select().from(webhookRegistrations))[0]!.secret;
});
afterEach(() => {
  vi.useRealTimers();
  pendingAfterTasks.length = 0;
});

/** A checkout approved at Vipps but not yet known to the shop: any processed delivery would move it on. */
const approvedPayment = async () =>
  (await reserveOrder(getWorld(), { items: [{ sku: 'fjord-mug', quantity: 1 }] })).reference;

const event = (reference: string) =>
  JSON.stringify({
    msn: '123456',
    reference,
    pspReference: 'psp-1',
    name: 'AUTHORIZED',
    amount: { currency: 'NOK', value: 24900 },
    timestamp: new Date().toISOString(),
    idempotencyKey: null,
    success: true,
  });

interface Options {
  key?: string;
  url?: string;
  date?: Date;
}
function delivery(body: string, { key = secret, url = webhookUrlFor(SHOP_URL), date = new Date() }: Options = {}) {
  const signed = signWebhook({ secret: key, url, body, date: date.toUTCString() });
  return { method: 'POST', path: '/api/webhooks/vipps', headers: { ...signed.headers }, body } satisfies RouteCall;
}

async function state() {
  const { db } = getWorld().handle;
  return {
    orders: await db.select().from(orders),
    payments: await db.select().from(payments),
    operations: await db.select().from(paymentOperations),
    events: await db.select().from(webhookEvents),
  };
}

async function expectRefusedWithoutChange(call: RouteCall) {
  const before = await state();
  const response = await callRoute(POST, call);
  expect(response.status).toBe(401);
  await expectProblemEnvelope(response);
  expect(pendingAfterTasks).toEqual([]);
  expect(await state()).toEqual(before);
}

const MINUTE = 60_000;
type Case = [string, (reference: string) => RouteCall];
const refusals: Case[] = [
  ['a wrong secret', (r) => delivery(event(r), { key: `${secret}x` })],
  ['no signature', (r) => ({ ...delivery(event(r)), headers: { ...delivery(event(r)).headers, authorization: '' } })],
  [
    'the signature of another body',
    (r) => {
      const other = delivery(event(`${r}x`));
      return {
        ...delivery(event(r)),
        headers: { ...delivery(event(r)).headers, authorization: other.headers.authorization },
      };
    },
  ],
  ['a stale x-ms-date', (r) => delivery(event(r), { date: new Date(Date.now() - 6 * MINUTE) })],
  ['a future x-ms-date', (r) => delivery(event(r), { date: new Date(Date.now() + 6 * MINUTE) })],
  ['an altered body', (r) => ({ ...delivery(event(r)), body: event(r).replace('24900', '1') })],
  // Signed for another shop's URL, and sent with that Host header: we verify against our registered URL.
  ['a wrong host', (r) => delivery(event(r), { url: 'https://evil.example/api/webhooks/vipps' })],
];

describe('POST /api/webhooks/vipps refuses forged deliveries', () => {
  it.each(refusals)('%s: 401 problem, nothing deferred, no row changed', async (_what, make) => {
    await expectRefusedWithoutChange(make(await approvedPayment()));
  });
});

describe('POST /api/webhooks/vipps and replays', () => {
  it('a replay inside the date window is acknowledged as a duplicate and not acted on', async () => {
    const reference = await approvedPayment();
    const genuine = delivery(event(reference));
    const first = await callRoute(POST, genuine);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    await Promise.all(pendingAfterTasks.splice(0).map((task) => task()));
    // Vipps moves on (a capture); a replay that were processed would make the shop read that.
    await getWorld()
      .deps()
      .vipps.capturePayment(reference, { currency: 'NOK', value: 24900 }, { idempotencyKey: `cap-${reference}` });
    const before = await state();
    expect(before.payments.find((p) => p.reference === reference)?.vippsState).toBe('AUTHORIZED');
    // 2xx, not 4xx: Vipps redelivers on purpose and retries any 4xx for days (BRIEF §8).
    const replay = await callRoute(POST, genuine);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(pendingAfterTasks).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('the same delivery replayed after the date window is refused', async () => {
    const reference = await approvedPayment();
    const genuine = delivery(event(reference));
    await callRoute(POST, genuine);
    pendingAfterTasks.length = 0;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * MINUTE });
    await expectRefusedWithoutChange(genuine);
  });
});
