import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { paymentOperations, payments, staffActions } from '@/lib/server/db/schema';
import { moveMoney } from '@/lib/server/orders/move-money';
import { settleOperation } from '@/lib/server/orders/settle-operation';
import { RESERVED_TOTAL_ORE as TOTAL, reserveOrder } from '../../support/reserved';
import { IMPATIENT, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();
const STAFF = 'op@shop.no';

/** A payment whose whole amount (two prints and a coffee, 1 027,00 kr) is reserved. */
const reserved = async () => (await reserveOrder(getWorld())).reference;

async function ledger(reference: string) {
  const [row] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
  return {
    captured: row!.capturedOre,
    refunded: row!.refundedOre,
    cancelled: row!.cancelledOre,
    status: row!.vippsState,
  };
}
const move = (reference: string, kind: 'capture' | 'refund' | 'cancel', amountOre?: number) =>
  moveMoney(getWorld().deps(), { reference, kind, amountOre, staffEmail: STAFF, note: `${kind} test` });

describe('capture, refund, cancel', () => {
  it('captures 40 % then the rest, refunds part then the rest', async () => {
    const reference = await reserved();
    const part = Math.round(TOTAL * 0.4);
    expect(await move(reference, 'capture', part)).toMatchObject({ status: 'succeeded', amountOre: part });
    expect(await move(reference, 'capture')).toMatchObject({ status: 'succeeded', amountOre: TOTAL - part });
    expect(await ledger(reference)).toMatchObject({ captured: TOTAL, status: 'AUTHORIZED' });
    await move(reference, 'refund', 1000);
    expect(await move(reference, 'refund')).toMatchObject({ status: 'succeeded', amountOre: TOTAL - 1000 });
    expect(await ledger(reference)).toMatchObject({ captured: TOTAL, refunded: TOTAL });
    const actions = await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference));
    expect(actions.map((a) => [a.action, a.result, a.staffEmail])).toEqual([
      ['capture', 'succeeded', STAFF],
      ['capture', 'succeeded', STAFF],
      ['refund', 'succeeded', STAFF],
      ['refund', 'succeeded', STAFF],
    ]);
  });

  it('refuses over-capture and over-refund with a clear message, writing no operation', async () => {
    const reference = await reserved();
    await expect(move(reference, 'capture', TOTAL + 1)).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('is more than the') as unknown,
    });
    await expect(move(reference, 'refund', 1)).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('Nothing is left to refund') as unknown,
    });
    const ops = await getWorld()
      .handle.db.select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, reference));
    expect(ops.map((o) => o.kind)).toEqual(['create']);
  });

  it('cancel after a partial capture releases only the remainder, and is not offered after a full capture', async () => {
    const reference = await reserved();
    await move(reference, 'capture', 25000);
    expect(await move(reference, 'cancel')).toMatchObject({ status: 'succeeded', amountOre: TOTAL - 25000 });
    expect(await ledger(reference)).toMatchObject({ captured: 25000, cancelled: TOTAL - 25000 });
    await expect(move(reference, 'capture', 1)).rejects.toMatchObject({ status: 409 });

    const full = await reserved();
    await move(full, 'capture');
    await expect(move(full, 'cancel')).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('Refund instead') as unknown,
    });
  });

  it('an injected 500 followed by success captures exactly once', async () => {
    const reference = await reserved();
    await getWorld().harness.sim.faults.add({ operation: 'capture', reference, kind: 'status', status: 500, count: 1 });
    expect(await move(reference, 'capture', 5000)).toMatchObject({ status: 'succeeded' });
    const events = (await getWorld().harness.sim.payment(reference)).events.filter((e) => e.name === 'CAPTURED');
    expect(events).toHaveLength(1);
  });

  it('two full captures at once: exactly one succeeds, the other is told why, captured never exceeds authorized', async () => {
    const reference = await reserved();
    const results = await Promise.allSettled([move(reference, 'capture'), move(reference, 'capture')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    expect(await ledger(reference)).toMatchObject({ captured: TOTAL });
  });

  it('an unknown outcome is shown as such and settled from the event log ("check with Vipps")', async () => {
    const reference = await reserved();
    await getWorld().harness.sim.faults.add({ operation: 'capture', reference, kind: 'drop-after-commit', count: 50 });
    const impatient = getWorld().deps(IMPATIENT);
    const result = await moveMoney(impatient, { reference, kind: 'capture', amountOre: 7000, staffEmail: STAFF });
    expect(result.status).toBe('unknown');
    // While unknown, the money it may have moved is held back from a second capture.
    await expect(move(reference, 'capture', TOTAL - 6999)).rejects.toMatchObject({ status: 409 });
    await getWorld().harness.sim.faults.clear();
    expect(await settleOperation(getWorld().deps(), result.operationId)).toBe('succeeded');
    expect(await ledger(reference)).toMatchObject({ captured: 7000 });
  });

  it('keeps the staff log append-only', async () => {
    const reference = await reserved();
    await move(reference, 'capture', 100);
    await expect(getWorld().handle.db.update(staffActions).set({ result: 'edited' })).rejects.toThrow();
    await expect(getWorld().handle.db.execute(sql`delete from staff_actions`)).rejects.toThrow();
  });
});
