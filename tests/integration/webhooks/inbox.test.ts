import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import {
  leases,
  orders,
  payments,
  staffActions,
  webhookDeliveries,
  webhookEvents,
  webhookRegistrations,
} from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import {
  createRefusalBudget,
  deliveriesFor,
  listDeliveries,
  pruneDeliveries,
  recordDelivery,
} from '@/lib/server/webhooks/inbox';
import {
  processWebhookEvent,
  readWebhookBody,
  receiveWebhook,
  reprocessDelivery,
  MAX_WEBHOOK_BYTES,
} from '@/lib/server/webhooks/receive';
import { ensureWebhookRegistered } from '@/lib/server/webhooks/registration';
import { newCheckoutKey, setUpOrdersWorld } from '../orders/support';
import { ePaymentEvent, signedDelivery } from '../support/signed-delivery';

const getWorld = setUpOrdersWorld(async (w) => {
  await w.handle.db.delete(webhookRegistrations);
  await w.handle.db.delete(webhookDeliveries);
  await w.handle.db.delete(leases);
});
const db = () => getWorld().handle.db;
const deps = () => getWorld().deps();

async function registeredSecret(): Promise<string> {
  expect(await ensureWebhookRegistered(deps())).toBe('registered');
  const [row] = await db().select().from(webhookRegistrations);
  return row!.secret;
}

const checkout = async () =>
  (await startCheckout(deps(), { checkoutKey: newCheckoutKey(), items: [{ sku: 'aurora-print', quantity: 1 }] }))
    .reference;

const newestDelivery = async () =>
  (await db().select().from(webhookDeliveries).orderBy(desc(webhookDeliveries.id)).limit(1))[0]!;

const getsOf = async (reference: string) =>
  (await getWorld().harness.sim.requests({ reference, method: 'GET' })).length;

const paymentRow = async (reference: string) =>
  (await db().select().from(payments).where(eq(payments.reference, reference)))[0]!;

describe('the webhook inbox', () => {
  it.each([
    ['bad signature', (s: string, r: string) => signedDelivery(`${s}x`, ePaymentEvent(r))],
    ['stale or future date', (s: string, r: string) => signedDelivery(s, ePaymentEvent(r), { date: new Date(0) })],
    [
      'body does not match its content hash',
      (s: string, r: string) => ({
        ...signedDelivery(s, ePaymentEvent(r)),
        rawBody: JSON.stringify({ ...ePaymentEvent(r), amount: 1 }),
      }),
    ],
  ])('stores a delivery refused for "%s", still answers 401, and changes no payment', async (reason, make) => {
    const secret = await registeredSecret();
    const reference = await checkout();
    await getWorld().harness.sim.approve(reference); // Vipps would now say AUTHORIZED; a forgery must not make us ask
    const before = await paymentRow(reference);
    await expect(receiveWebhook(deps(), make(secret, reference))).rejects.toMatchObject({ status: 401 });
    expect(await newestDelivery()).toMatchObject({
      verified: false,
      refusalReason: reason,
      eventId: null,
      reference, // what the body claims, shown as unverified
      name: 'AUTHORIZED',
      result: null,
    });
    expect(await db().select().from(webhookEvents).where(eq(webhookEvents.reference, reference))).toEqual([]);
    expect(await paymentRow(reference)).toEqual(before);
  });

  it('stores deliveries that arrive while there is no registration, and signed bodies it cannot read', async () => {
    const reference = await checkout();
    await expect(receiveWebhook(deps(), signedDelivery('any', ePaymentEvent(reference)))).rejects.toMatchObject({
      status: 401,
    });
    expect(await newestDelivery()).toMatchObject({ verified: false, refusalReason: 'no registration' });
    const secret = await registeredSecret();
    await expect(receiveWebhook(deps(), signedDelivery(secret, { hello: 'world' }))).rejects.toMatchObject({
      status: 400,
    });
    expect(await newestDelivery()).toMatchObject({ verified: true, refusalReason: 'body not valid' });
  });

  it('stores a too large body as refused with 413, keeping only its start', async () => {
    const big = 'x'.repeat(MAX_WEBHOOK_BYTES + 1);
    const request = new Request('http://localhost:3000/api/webhooks/vipps', { method: 'POST', body: big });
    await expect(readWebhookBody(deps(), request)).rejects.toMatchObject({ status: 413 });
    const row = await newestDelivery();
    expect(row).toMatchObject({ verified: false, refusalReason: 'too large' });
    expect(row.body.length).toBeLessThan(2_200);
  });

  it('a CREATED event for a payment we created brings no news: no read from Vipps, result "nothing_new"', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    const readsBefore = await getsOf(reference);
    const created = await receiveWebhook(deps(), signedDelivery(secret, ePaymentEvent(reference, 'CREATED')));
    expect(await processWebhookEvent(deps(), created)).toBe('nothing_new');
    // A read here would sit outside the status route's one-GET-per-2-s claim (seen in CI: two GETs 0.1 s apart).
    expect(await getsOf(reference)).toBe(readsBefore);
  });

  it('records what processing did, counts repeats on the first row, and lists by filter and by payment', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    await getWorld().harness.sim.approve(reference);
    const incoming = signedDelivery(secret, ePaymentEvent(reference));
    const first = await receiveWebhook(deps(), incoming);
    await receiveWebhook(deps(), incoming); // Vipps redelivers
    await expect(receiveWebhook(deps(), signedDelivery(`${secret}x`, ePaymentEvent(reference)))).rejects.toThrow();
    expect(await processWebhookEvent(deps(), first)).toBe('synced');

    const mine = await deliveriesFor(db(), reference);
    expect(mine.map((d) => [d.verified, d.duplicate, d.duplicateCount, d.eventId, d.result, d.canReprocess])).toEqual([
      [true, false, 1, first.eventId, 'synced', true],
      [false, false, 0, null, null, false],
    ]);
    expect(mine[0]!.lastReceivedAt).not.toBeNull();
    expect(mine[0]!.processedAt).not.toBeNull();
    expect(JSON.parse(mine[0]!.body)).toMatchObject({ reference, name: 'AUTHORIZED' });
    expect((await paymentRow(reference)).vippsState).toBe('AUTHORIZED');

    const refused = await listDeliveries(db(), { page: 1, filter: 'refused' });
    const accepted = await listDeliveries(db(), { page: 1, filter: 'accepted' });
    const all = await listDeliveries(db(), { page: 1, filter: 'all' });
    expect(refused.deliveries.map((d) => d.refusalReason)).toEqual(['bad signature']);
    expect(accepted.deliveries).toHaveLength(1);
    expect(all.deliveries.map((d) => d.id)).toEqual(mine.map((d) => d.id).reverse()); // newest first
    expect(all.hasMore).toBe(false);
    // Each row names the order its reference belongs to, so the inbox can link to it.
    const { orderNumber } = (
      await db()
        .select()
        .from(orders)
        .where(eq(orders.id, (await paymentRow(reference)).orderId))
    )[0]!;
    expect(new Set([...mine, ...all.deliveries].map((d) => d.orderNumber))).toEqual(new Set([orderNumber]));
  });

  it('marks the event and the one delivery that brought it; an event whose inbox row failed is still marked', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    await getWorld().harness.sim.approve(reference);
    const event = ePaymentEvent(reference);
    const authorized = await receiveWebhook(deps(), signedDelivery(secret, event));
    const redelivered = await receiveWebhook(deps(), signedDelivery(secret, event));
    const created = await receiveWebhook(deps(), signedDelivery(secret, ePaymentEvent(reference, 'CREATED')));
    expect(await processWebhookEvent(deps(), authorized)).toBe('synced');
    // As if the inbox INSERT had failed: the event is still stored, processed and marked.
    expect(await processWebhookEvent(deps(), { ...created, deliveryId: undefined })).toBe('nothing_new');

    const events = await db().select().from(webhookEvents).where(eq(webhookEvents.reference, reference));
    expect(events.map((e) => [e.id, e.result, e.processedAt !== null]).sort()).toEqual(
      [
        [authorized.eventId, 'synced', true],
        [created.eventId, 'nothing_new', true],
      ].sort(),
    );
    const deliveries = await deliveriesFor(db(), reference);
    expect(redelivered).toMatchObject({ duplicate: true, deliveryId: authorized.deliveryId });
    expect(deliveries.map((d) => [d.id, d.result, d.processedAt !== null, d.duplicateCount])).toEqual([
      [authorized.deliveryId, 'synced', true, 1],
      [created.deliveryId, null, false, 0],
    ]);
  });

  it('a repeat of an event whose row was pruned gets one new row, marked duplicate, and counts further repeats', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    const incoming = signedDelivery(secret, ePaymentEvent(reference));
    await receiveWebhook(deps(), incoming);
    await db().delete(webhookDeliveries).where(eq(webhookDeliveries.reference, reference)); // as retention would
    await receiveWebhook(deps(), incoming);
    await receiveWebhook(deps(), incoming);
    const rows = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.reference, reference));
    expect(rows.map((r) => [r.duplicate, r.duplicateCount, r.result])).toEqual([[true, 1, 'duplicate']]);
  });

  it('reprocesses an accepted delivery by reading the payment from Vipps again', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    // The event arrives before Vipps reports the authorization (or processing failed): the payment stays open.
    const received = await receiveWebhook(deps(), signedDelivery(secret, ePaymentEvent(reference)));
    expect(await processWebhookEvent(deps(), received)).toBe('synced');
    expect((await paymentRow(reference)).vippsState).toBe('CREATED');
    await getWorld().harness.sim.approve(reference);
    const [delivery] = await deliveriesFor(db(), reference);
    const reprocessed = await reprocessDelivery(deps(), delivery!.id, 'operator@shop.no');
    expect(reprocessed).toMatchObject({ id: delivery!.id, result: 'synced' });
    expect(Date.parse(reprocessed.processedAt!)).toBeGreaterThanOrEqual(Date.parse(delivery!.processedAt!));
    expect((await paymentRow(reference)).vippsState).toBe('AUTHORIZED');
    // "Process again" is a staff action too, so it goes into the staff log.
    const logged = await db().select().from(staffActions).where(eq(staffActions.reference, reference));
    expect(logged).toEqual([
      expect.objectContaining({
        staffEmail: 'operator@shop.no',
        action: 'process_webhook_again',
        note: `Delivery ${delivery!.id} (AUTHORIZED)`,
        result: 'synced',
        amountOre: null,
      }),
    ]);
  });

  it('refuses to reprocess a refused delivery (409, with why) or an unknown one (404)', async () => {
    const secret = await registeredSecret();
    const reference = await checkout();
    await expect(receiveWebhook(deps(), signedDelivery(`${secret}x`, ePaymentEvent(reference)))).rejects.toThrow();
    const refused = await newestDelivery();
    await expect(reprocessDelivery(deps(), refused.id, 'operator@shop.no')).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('bad signature') as unknown,
    });
    await expect(reprocessDelivery(deps(), 987_654, 'operator@shop.no')).rejects.toMatchObject({ status: 404 });
    expect(await db().select().from(staffActions).where(eq(staffActions.reference, reference))).toEqual([]);
  });
});

describe('bounds on refused deliveries (a flood of forgeries)', () => {
  it('stores at most the per-minute budget of refused rows from one instance', async () => {
    const budget = createRefusalBudget(3);
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await recordDelivery(db(), { verified: false, refusalReason: 'bad signature', rawBody: '{}' }, budget));
    }
    expect(ids.filter((id) => id !== undefined)).toHaveLength(3);
    // Accepted deliveries never count against it.
    expect(await recordDelivery(db(), { verified: true, rawBody: '{}' }, budget)).toBeTypeOf('number');
  });

  it('prunes refused rows beyond the cap (newest kept) and every row past the retention', async () => {
    const budget = () => true;
    for (let i = 0; i < 6; i++) {
      await recordDelivery(db(), { verified: false, refusalReason: 'bad signature', rawBody: `${i}` }, budget);
    }
    const acceptedId = await recordDelivery(db(), { verified: true, rawBody: '{}' }, budget);
    expect(await pruneDeliveries(db(), { retentionDays: 30, maxRefused: 2 })).toEqual({ byAge: 0, byCount: 4 });
    const left = await db().select().from(webhookDeliveries).orderBy(webhookDeliveries.id);
    expect(left.map((d) => d.body)).toEqual(['4', '5', '{}']);
    await db()
      .update(webhookDeliveries)
      .set({ receivedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(webhookDeliveries.id, acceptedId!));
    expect(await pruneDeliveries(db(), { retentionDays: 30, maxRefused: 2 })).toEqual({ byAge: 1, byCount: 0 });
  });
});
