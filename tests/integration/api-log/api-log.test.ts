import { describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { apiLogFor, listApiLog } from '@/lib/server/api-log/queries';
import { createApiLogRecorder } from '@/lib/server/api-log/recorder';
import { pruneApiLog } from '@/lib/server/api-log/retention';
import { runRetention } from '@/lib/server/boot/retention';
import { leases, orders, paymentOperations, payments, vippsApiLog } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { moveMoney } from '@/lib/server/orders/move-money';
import { forgetShopperPhones } from '@/lib/server/orders/shopper-phones';
import { syncPayment } from '@/lib/server/orders/sync';
import type { VippsExchange } from '@/lib/server/vipps/exchange';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { newCheckoutKey, setUpOrdersWorld } from '../orders/support';

const getWorld = setUpOrdersWorld(async (w) => {
  await w.handle.db.delete(vippsApiLog);
  await w.handle.db.delete(leases);
});
const db = () => getWorld().handle.db;
const quiet = { warn: () => {}, info: () => {} };
const CREDENTIALS = [
  SIMULATOR_CREDENTIALS.clientId,
  SIMULATOR_CREDENTIALS.clientSecret,
  SIMULATOR_CREDENTIALS.subscriptionKey,
];

/** Orders deps whose client feeds a recorder on the test database, as getVippsClient does in the app. */
function loggedWorld() {
  const raw: VippsExchange[] = [];
  const recorder = createApiLogRecorder({ db: db(), log: quiet, secrets: CREDENTIALS });
  const deps = getWorld().deps({
    onExchange: (exchange) => {
      raw.push(exchange);
      recorder.record(exchange);
    },
  });
  return { deps, raw, recorder };
}

const kindOf = (path: string) => path.replace(/\/payments\/[^/]+/, '/payments/{ref}');

describe('the Vipps API log', () => {
  it('keeps every exchange of checkout → get → capture (after an injected 500) → refund → cancel, in order', async () => {
    const { deps, raw, recorder } = loggedWorld();
    const { reference } = await startCheckout(deps, {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'aurora-print', quantity: 2 }],
    });
    await getWorld().harness.sim.approve(reference);
    await syncPayment(deps, reference);
    await getWorld().harness.sim.faults.add({ operation: 'capture', reference, kind: 'status', status: 500, count: 1 });
    const staff = { staffEmail: 'op@shop.no', reference };
    expect(await moveMoney(deps, { ...staff, kind: 'capture', amountOre: 50_000 })).toMatchObject({
      status: 'succeeded',
    });
    await moveMoney(deps, { ...staff, kind: 'refund', amountOre: 10_000 });
    await moveMoney(deps, { ...staff, kind: 'cancel' });
    await recorder.flush();

    const rows = await db().select().from(vippsApiLog).orderBy(asc(vippsApiLog.id));
    expect(rows).toHaveLength(raw.length);
    // The money moves and the token call, in order; reads (GET) in between are the orders module's business.
    const moves = rows.filter((r) => r.method === 'POST');
    expect(moves.map((r) => [kindOf(r.path), r.status, r.attempt])).toEqual([
      ['/accesstoken/get', 200, 1],
      ['/epayment/v1/payments', 201, 1],
      ['/epayment/v1/payments/{ref}/capture', 500, 1],
      ['/epayment/v1/payments/{ref}/capture', 200, 2],
      ['/epayment/v1/payments/{ref}/refund', 200, 1],
      ['/epayment/v1/payments/{ref}/cancel', 200, 1],
    ]);
    expect(rows[0]!.path).toBe('/accesstoken/get');
    expect(rows[0]!.reference).toBeNull();
    expect(rows.slice(1).every((r) => r.reference === reference)).toBe(true);
    expect(rows.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(1);

    const [failed, retried] = moves.slice(2, 4);
    expect(retried!.idempotencyKey).toBe(failed!.idempotencyKey);
    expect(failed!.idempotencyKey).toBeTruthy();
    expect(failed!.traceId).toBeTruthy(); // from the simulator's Problem body
    expect(retried!.pspReference).toBeTruthy();
    expect(JSON.parse(retried!.requestBody!)).toEqual({ modificationAmount: { currency: 'NOK', value: 50_000 } });
    expect(rows.every((r) => r.at instanceof Date && r.durationMs >= 0)).toBe(true);

    // No credential and no token reaches the table (the real token is taken from what the client saw).
    const token = (JSON.parse(raw[0]!.responseBody!) as { access_token: string }).access_token;
    const stored = JSON.stringify(rows);
    for (const secret of [...CREDENTIALS, token]) expect(stored).not.toContain(secret);
    expect(JSON.parse(rows[0]!.responseBody!)).toMatchObject({ access_token: '[redacted]' });

    // The admin views: one payment's story oldest first; the whole log newest first.
    const forReference = await apiLogFor(db(), reference);
    expect(forReference.map((e) => e.id)).toEqual(rows.slice(1).map((r) => r.id));
    expect(typeof forReference[0]!.at).toBe('string');
    const page = await listApiLog(db(), { page: 1 });
    expect(page.entries[0]!.id).toBe(rows.at(-1)!.id);
  });

  it('logs the webhook registration without its secret', async () => {
    const { deps, recorder } = loggedWorld();
    const created = await deps.vipps.registerWebhook({
      url: 'http://localhost:3000/api/webhooks/vipps',
      events: ['epayments.payment.authorized.v1'],
    });
    await recorder.flush();
    const [row] = await db().select().from(vippsApiLog).where(eq(vippsApiLog.path, '/webhooks/v1/webhooks'));
    expect(row!.responseBody).not.toContain(created.secret);
    expect(JSON.parse(row!.responseBody!)).toMatchObject({ id: created.id, secret: '[redacted]' });
  });
});

describe('API log retention', () => {
  async function insertRows(count: number, ageDays: number) {
    const at = new Date(Date.now() - ageDays * 86_400_000);
    const base = { method: 'GET', path: '/epayment/v1/payments/r', status: 200, durationMs: 1, attempt: 1, at };
    await db()
      .insert(vippsApiLog)
      .values(Array.from({ length: count }, () => base));
  }
  const count = async () =>
    Number(
      (
        await db()
          .select({ n: sql<number>`count(*)` })
          .from(vippsApiLog)
      )[0]!.n,
    );

  it('prunes by age', async () => {
    await insertRows(3, 40);
    await insertRows(2, 1);
    expect(await pruneApiLog(db(), { retentionDays: 30, maxRows: 1_000 })).toEqual({ byAge: 3, byCount: 0 });
    expect(await count()).toBe(2);
  });

  it('prunes by row count, keeping the newest', async () => {
    await insertRows(25, 0);
    const newest = (await db().select().from(vippsApiLog).orderBy(asc(vippsApiLog.id))).slice(-10).map((r) => r.id);
    expect(await pruneApiLog(db(), { retentionDays: 30, maxRows: 10 })).toEqual({ byAge: 0, byCount: 15 });
    const left = await db().select().from(vippsApiLog).orderBy(asc(vippsApiLog.id));
    expect(left.map((r) => r.id)).toEqual(newest);
  });

  it('runs at most once per period over all instances', async () => {
    await insertRows(5, 0);
    const settings = {
      apiLog: { retentionDays: 30, maxRows: 2 },
      deliveries: { retentionDays: 30, maxRefused: 100 },
      shopperPhoneDays: 30,
      profileDays: 90,
      everySeconds: 3_600,
    };
    const first = await runRetention({ db: db(), log: quiet }, settings, 'instance-a');
    expect(first).toMatchObject({ ran: true, apiLog: { byCount: 3 } });
    expect(await runRetention({ db: db(), log: quiet }, settings, 'instance-b')).toEqual({ ran: false });
  });
});

describe("shoppers' phone numbers", () => {
  const DAY = 86_400_000;

  /** A checkout with a phone number, as the shop keeps it: on the order, in the create body, in the API log. */
  async function orderWithPhone() {
    const { deps, recorder } = loggedWorld();
    const { reference } = await startCheckout(deps, {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'aurora-print', quantity: 1 }],
      phoneNumber: '4791234567', // the MSISDN, as the checkout route hands it on
    });
    await recorder.flush();
    return reference;
  }

  async function keptFor(reference: string) {
    const [payment] = await db().select().from(payments).where(eq(payments.reference, reference));
    const [order] = await db().select().from(orders).where(eq(orders.id, payment!.orderId));
    const [create] = await db()
      .select()
      .from(paymentOperations)
      .where(eq(paymentOperations.idempotencyKey, `create-${reference}`));
    const log = await db().select().from(vippsApiLog).where(eq(vippsApiLog.reference, reference));
    const createLog = log.find((r) => r.method === 'POST')!;
    return {
      order: order!.phoneNumber,
      operation: (JSON.parse(create!.requestBody!) as { customer?: { phoneNumber: unknown } }).customer?.phoneNumber,
      apiLog: (JSON.parse(createLog.requestBody!) as { customer?: { phoneNumber: unknown } }).customer?.phoneNumber,
    };
  }

  it('are kept for the retention and then cleared from the order, the create body and the API log', async () => {
    const reference = await orderWithPhone();
    expect(await keptFor(reference)).toEqual({ order: '4791234567', operation: '4791234567', apiLog: '47******67' });
    // The clock is ours: 29 days on, nothing is due; 31 days on, everything is.
    const at = (days: number) => new Date(Date.now() + days * DAY);
    expect(await forgetShopperPhones(db(), { retentionDays: 30, now: at(29) })).toEqual({
      orders: 0,
      operations: 0,
      apiLog: 0,
    });
    expect(await keptFor(reference)).toMatchObject({ order: '4791234567' });
    expect(await forgetShopperPhones(db(), { retentionDays: 30, now: at(31) })).toEqual({
      orders: 1,
      operations: 1,
      apiLog: 1,
    });
    expect(await keptFor(reference)).toEqual({ order: null, operation: null, apiLog: null });
    // Still valid JSON with everything else, and nothing left to do on the next run.
    const [create] = await db()
      .select()
      .from(paymentOperations)
      .where(eq(paymentOperations.idempotencyKey, `create-${reference}`));
    expect(JSON.parse(create!.requestBody!)).toMatchObject({ reference, amount: { value: 44900 } });
    expect(await forgetShopperPhones(db(), { retentionDays: 30, now: at(31) })).toEqual({
      orders: 0,
      operations: 0,
      apiLog: 0,
    });
  });

  it('are forgotten by the periodic retention run, at SHOPPER_PHONE_RETENTION_DAYS', async () => {
    const reference = await orderWithPhone();
    // Written 31 days ago (the retention run uses the real clock).
    const old = new Date(Date.now() - 31 * DAY);
    const [payment] = await db().select().from(payments).where(eq(payments.reference, reference));
    await db().update(orders).set({ createdAt: old }).where(eq(orders.id, payment!.orderId));
    await db().update(paymentOperations).set({ createdAt: old }).where(eq(paymentOperations.reference, reference));
    await db().update(vippsApiLog).set({ at: old }).where(eq(vippsApiLog.reference, reference));
    const result = await runRetention(
      { db: db(), log: quiet },
      {
        apiLog: { retentionDays: 60, maxRows: 1_000 },
        deliveries: { retentionDays: 30, maxRefused: 100 },
        shopperPhoneDays: 30,
        profileDays: 90,
        everySeconds: 3_600,
      },
      'instance-a',
    );
    expect(result).toMatchObject({ ran: true, phones: { orders: 1, operations: 1, apiLog: 1 } });
    expect(await keptFor(reference)).toEqual({ order: null, operation: null, apiLog: null });
  });
});
