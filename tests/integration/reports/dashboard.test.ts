import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { orders, paymentOperations, payments } from '@/lib/server/db/schema';
import { moveMoney } from '@/lib/server/orders/move-money';
import { dashboardFigures } from '@/lib/server/reports/dashboard';
import { reserveOrder } from '../../support/reserved';
import { setUpOrdersWorld } from '../orders/support';

const getWorld = setUpOrdersWorld();
const NOW = new Date('2026-12-02T10:00:00Z');

/** `quantity` coffees (129,00 each), reserved and known to the shop. */
const reservedOrder = (quantity: number) =>
  reserveOrder(getWorld(), { items: [{ sku: 'fjellkaffe', quantity }], synced: true });
const move = (reference: string, kind: 'capture' | 'refund', amountOre: number) =>
  moveMoney(getWorld().deps(), { reference, kind, amountOre, staffEmail: 'op@shop.no' });
const completedAt = (reference: string, kind: string, at: string) =>
  getWorld()
    .handle.db.update(paymentOperations)
    .set({ completedAt: new Date(at) })
    .where(sql`${paymentOperations.reference} = ${reference} and ${paymentOperations.kind} = ${kind}`);

describe('dashboard figures', () => {
  it('adds up takings by day in Norway, open and stale reservations, and what needs a look', async () => {
    const { db } = getWorld().handle;
    const today = await reservedOrder(2); // 258,00: capture 100,00 and refund 30,00 today
    await move(today.reference, 'capture', 10000);
    await move(today.reference, 'refund', 3000);
    await completedAt(today.reference, 'capture', '2026-12-02T08:00:00Z');
    await completedAt(today.reference, 'refund', '2026-12-01T23:30:00Z'); // 00:30 on 2 Dec in Oslo: today
    const earlier = await reservedOrder(3); // 387,00: capture 200,00 three days ago
    await move(earlier.reference, 'capture', 20000);
    await completedAt(earlier.reference, 'capture', '2026-11-29T12:00:00Z');
    const old = await reservedOrder(1); // 129,00 reserved ten days ago, nothing captured
    await db
      .update(payments)
      .set({ authorizedAt: new Date('2026-11-22T12:00:00Z') })
      .where(eq(payments.reference, old.reference));
    await db
      .update(payments)
      .set({ authorizedAt: new Date('2026-12-01T12:00:00Z') })
      .where(sql`${payments.reference} <> ${old.reference}`);
    const attention = await reservedOrder(1);
    await db.update(orders).set({ status: 'needs_attention' }).where(eq(orders.orderNumber, attention.orderNumber));
    await db.insert(paymentOperations).values({
      reference: attention.reference,
      kind: 'capture',
      idempotencyKey: 'capture-unknown-test',
      amountOre: 100,
      status: 'unknown',
      requestedBy: 'op@shop.no',
    });

    const figures = await dashboardFigures(db, { staleAfterDays: 7, now: NOW });
    expect(figures.takings).toEqual({ todayOre: 7000, last7DaysOre: 27000, last30DaysOre: 27000 });
    // Open: 158,00 + 187,00 + 129,00 + 129,00 (the unknown capture is not subtracted: Vipps has not said).
    expect(figures.reserved).toEqual({ payments: 4, amountOre: 15800 + 18700 + 12900 + 12900 });
    expect(figures.staleReservations).toEqual({ payments: 1, amountOre: 12900, staleAfterDays: 7 });
    expect(figures.needsAttention).toBe(1);
    expect(figures.outcomeUnknown).toBe(1);
    expect(figures.daily).toHaveLength(14);
    expect(figures.daily.at(-1)).toEqual({ day: '2026-12-02', capturedOre: 10000, refundedOre: 3000 });
    expect(figures.daily.find((d) => d.day === '2026-11-29')).toEqual({
      day: '2026-11-29',
      capturedOre: 20000,
      refundedOre: 0,
    });
    expect(figures.daily[0]!.day).toBe('2026-11-19');
  });
});
