import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startCheckout } from '@/lib/server/orders/checkout';
import { moveMoney } from '@/lib/server/orders/move-money';
import { operationsCsv, ordersCsv } from '@/lib/server/reports/csv-exports';
import { dateRangeSchema } from '@/lib/server/reports/date-range';
import { newCheckoutKey, setUpOrdersWorld } from '../orders/support';

const getWorld = setUpOrdersWorld();
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date()); // YYYY-MM-DD

function parse(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i): [string, string] => [names[i]!, v])));
}

describe('CSV exports', () => {
  it('lists the orders and money operations of a day, amounts in øre and kr, times in ISO 8601', async () => {
    const { deps, harness } = { deps: getWorld().deps(), harness: getWorld().harness };
    const { reference, orderNumber } = await startCheckout(deps, {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'fjellkaffe', quantity: 2 }], // 2 × 129,00
    });
    await harness.sim.approve(reference);
    await moveMoney(deps, { reference, kind: 'capture', amountOre: 10000, staffEmail: 'op@shop.no', note: '=1+1' });

    const orders = parse(await ordersCsv(deps.db, { from: today, to: today }));
    const order = orders.find((o) => o.order_number === orderNumber)!;
    expect(order).toMatchObject({
      status: 'partly_captured',
      reference,
      total_ore: '25800',
      total_kr: '258.00',
      captured_ore: '10000',
      captured_kr: '100.00',
      vipps_state: 'AUTHORIZED',
    });
    expect(order.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const operations = parse(await operationsCsv(deps.db, { from: today, to: today })).filter(
      (o) => o.reference === reference,
    );
    expect(operations.map((o) => [o.kind, o.amount_ore, o.amount_kr, o.status])).toEqual([
      ['create', '25800', '258.00', 'succeeded'],
      ['capture', '10000', '100.00', 'succeeded'],
    ]);
    expect(operations[1]).toMatchObject({ requested_by: 'op@shop.no', note: "'=1+1" });
  });

  it('leaves out what falls outside the range (days in Norway)', async () => {
    const { db } = getWorld().handle;
    const { orderNumber } = await startCheckout(getWorld().deps(), {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'fjellkaffe', quantity: 1 }],
    });
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Oslo.
    await db.execute(sql`update orders set created_at = '2026-11-30T23:30:00Z' where order_number = ${orderNumber}`);
    const numbers = async (from: string, to: string) =>
      parse(await ordersCsv(db, { from, to })).map((o) => o.order_number);
    expect(await numbers('2026-12-01', '2026-12-01')).toContain(orderNumber);
    expect(await numbers('2026-11-30', '2026-11-30')).not.toContain(orderNumber);
  });

  it('refuses a range that is reversed, longer than a year, or not dates', () => {
    expect(dateRangeSchema.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ from: 'yesterday', to: '2026-01-01' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
    // The export form writes days as the staff tables do (07.12.2026); scripts may keep sending ISO days.
    expect(dateRangeSchema.parse({ from: '1.12.2026', to: '07.12.2026' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(dateRangeSchema.safeParse({ from: '12/01/2026', to: '2026-12-07' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ from: '32.12.2026', to: '2026-12-31' }).success).toBe(false);
  });
});
