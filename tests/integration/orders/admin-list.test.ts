import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ORDERS_PAGE_SIZE, orderListQuerySchema, type OrderListQuery } from '@/lib/admin-api';
import { eq } from 'drizzle-orm';
import { orders, paymentOperations, payments } from '@/lib/server/db/schema';
import { listOrders } from '@/lib/server/orders/admin-list';
import { startCheckout } from '@/lib/server/orders/checkout';
import { syncPayment } from '@/lib/server/orders/sync';
import { newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();
const STALE_AFTER_DAYS = 7;
const list = (query: Partial<OrderListQuery>) =>
  listOrders(getWorld().handle.db, orderListQuerySchema.parse(query), { staleAfterDays: STALE_AFTER_DAYS });

const checkout = (phoneNumber?: string) =>
  startCheckout(getWorld().deps(), {
    checkoutKey: newCheckoutKey(),
    items: [{ sku: 'aurora-print', quantity: 1 }],
    phoneNumber,
  });

/** A unique Norwegian mobile number per test, so tests sharing the file's database do not see each other. */
let phoneCounter = 0;
const newPhone = () => `479${String(Date.now() % 1_000_000).padStart(6, '0')}${++phoneCounter % 10}`;

/** Orders written directly, with chosen creation times: paging and order need more rows than checkouts give fast. */
async function insertOrders(count: number, phoneNumber: string) {
  // The newest ends just after now, so it is also the newest order in this file's database.
  const base = Date.now() + 1_000 - (count - 1) * 60_000;
  const rows = Array.from({ length: count }, (_, i) => ({
    orderNumber: `PG-${randomUUID().slice(0, 8)}-${i}`,
    checkoutKey: randomUUID(),
    requestHash: 'test',
    currency: 'NOK',
    totalOre: 10_000 + i,
    vatOre: 2_000,
    phoneNumber,
    status: 'awaiting_payment',
    createdAt: new Date(base + i * 60_000),
  }));
  await getWorld().handle.db.insert(orders).values(rows);
  return rows.map((r) => r.orderNumber);
}

describe('listOrders', () => {
  it('finds an order by phone however it is typed, by order number (prefix, any case) and by reference', async () => {
    const phone = newPhone();
    const { orderNumber, reference } = await checkout(phone);
    const spaced = `+47 ${phone.slice(2, 5)} ${phone.slice(5, 7)} ${phone.slice(7)}`; // "+47 912 34 567"
    for (const q of [spaced, phone.slice(2), phone, orderNumber, orderNumber.toLowerCase(), reference.toUpperCase()]) {
      const found = await list({ q });
      expect(
        found.items.map((i) => i.orderNumber),
        q,
      ).toContain(orderNumber);
    }
    const byNumber = await list({ q: orderNumber.slice(3) }); // "100042" without "FB-"
    expect(byNumber.items.map((i) => i.orderNumber)).toContain(orderNumber);
    const item = (await list({ q: reference })).items;
    expect(item).toEqual([
      expect.objectContaining({ orderNumber, reference, phoneNumber: phone, status: 'awaiting_payment' }),
    ]);
    expect((await list({ q: 'FB-0000%' })).total).toBe(0); // `%` is a character, not a wildcard
  });

  it('shows what was authorized and how long it has been reserved', async () => {
    const { orderNumber, reference } = await checkout(newPhone());
    await getWorld().harness.sim.approve(reference);
    await syncPayment(getWorld().deps(), reference);
    const [item] = (await list({ q: orderNumber })).items;
    expect(item).toMatchObject({ status: 'reserved', authorizedOre: 44900, capturedOre: 0, refundedOre: 0 });
    expect(Date.now() - Date.parse(item!.reservedSince!)).toBeLessThan(60_000);
    expect((await list({ status: 'reserved', q: orderNumber })).total).toBe(1);
    expect((await list({ status: 'captured', q: orderNumber })).total).toBe(0);
  });

  it("filters 'outcome unknown' on any operation whose outcome is unknown", async () => {
    const phone = newPhone();
    const plain = await checkout(phone);
    const unsure = await checkout(phone);
    await getWorld()
      .handle.db.insert(paymentOperations)
      .values({
        reference: unsure.reference,
        kind: 'capture',
        idempotencyKey: `capture-${randomUUID()}`,
        amountOre: 100,
        status: 'unknown',
        requestedBy: 'op@shop.no',
      });
    const found = await list({ status: 'outcome_unknown', q: phone });
    expect(found.items.map((i) => i.orderNumber)).toEqual([unsure.orderNumber]);
    expect(found.items[0]!.hasUnknownOutcome).toBe(true);
    const all = await list({ q: phone });
    expect(all.items.find((i) => i.orderNumber === plain.orderNumber)?.hasUnknownOutcome).toBe(false);
  });

  it('pages newest first with the total', async () => {
    const phone = newPhone();
    const numbers = await insertOrders(ORDERS_PAGE_SIZE + 3, phone);
    const newestFirst = [...numbers].reverse();
    const first = await list({ q: phone });
    expect(first).toMatchObject({ page: 1, pageSize: ORDERS_PAGE_SIZE, total: ORDERS_PAGE_SIZE + 3 });
    expect(first.items.map((i) => i.orderNumber)).toEqual(newestFirst.slice(0, ORDERS_PAGE_SIZE));
    const second = await list({ q: phone, page: 2 });
    expect(second.items.map((i) => i.orderNumber)).toEqual(newestFirst.slice(ORDERS_PAGE_SIZE));
    expect((await list({ q: phone, page: 3 })).items).toEqual([]);
    // Without a search the newest order in the shop comes first.
    const everything = await list({});
    expect(everything.items[0]?.orderNumber).toBe(newestFirst[0]);
    expect(everything.total).toBeGreaterThanOrEqual(ORDERS_PAGE_SIZE + 3);
  });

  it("filters reservations: 'open' holds money, 'stale' has held it longer than the stale age", async () => {
    const phone = newPhone();
    const approved = async () => {
      const started = await checkout(phone);
      await getWorld().harness.sim.approve(started.reference);
      await syncPayment(getWorld().deps(), started.reference);
      return started;
    };
    const fresh = await approved();
    const old = await approved();
    const released = await approved();
    const unpaid = await checkout(phone);
    const db = getWorld().handle.db;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db
      .update(payments)
      .set({ authorizedAt: daysAgo(STALE_AFTER_DAYS + 1) })
      .where(eq(payments.reference, old.reference));
    // Old too, but nothing is held any more: cancelled in full, so neither open nor stale.
    await db
      .update(payments)
      .set({ authorizedAt: daysAgo(STALE_AFTER_DAYS + 3), cancelledOre: 44900 })
      .where(eq(payments.reference, released.reference));

    const numbers = async (reservation: 'open' | 'stale') =>
      (await list({ q: phone, reservation })).items.map((i) => i.orderNumber).sort();
    expect(await numbers('open')).toEqual([fresh.orderNumber, old.orderNumber].sort());
    expect(await numbers('stale')).toEqual([old.orderNumber]);
    expect((await list({ q: phone })).items.map((i) => i.orderNumber)).toContain(unpaid.orderNumber);
    // The stale age is the caller's: with 30 days nothing here is stale yet.
    const patient = await listOrders(db, orderListQuerySchema.parse({ q: phone, reservation: 'stale' }), {
      staleAfterDays: 30,
    });
    expect(patient.total).toBe(0);
    expect(orderListQuerySchema.safeParse({ reservation: 'lapsed' }).success).toBe(false);
  });
});
