import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { orders, payments } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { retryPayment } from '@/lib/server/orders/retry';
import { getPaymentStatus } from '@/lib/server/orders/status';
import { newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();

const checkout = () =>
  startCheckout(getWorld().deps(), { checkoutKey: newCheckoutKey(), items: [{ sku: 'wool-socks', quantity: 1 }] });
/** Pretend the last read from Vipps was long ago, so the next status request may read again. */
const forgetLastRead = (reference: string) =>
  getWorld()
    .handle.db.update(payments)
    .set({ checkedAt: sql`now() - interval '1 hour'` })
    .where(eq(payments.reference, reference));

describe('payment status', () => {
  it('answers pending, then paid once Vipps says AUTHORIZED, with lines and no personal data', async () => {
    const deps = getWorld().deps();
    const started = await startCheckout(deps, {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'wool-socks', quantity: 2 }],
      phoneNumber: '4791234567',
    });
    expect(await getPaymentStatus(deps, started.reference)).toMatchObject({ outcome: 'pending', final: false });
    await getWorld().harness.sim.approve(started.reference);
    await forgetLastRead(started.reference);
    const paid = await getPaymentStatus(deps, started.reference);
    expect(paid).toMatchObject({
      outcome: 'paid',
      final: true,
      orderNumber: started.orderNumber,
      order: { totalOre: 69800, lines: [{ sku: 'wool-socks', quantity: 2, totalOre: 69800 }] },
    });
    expect(JSON.stringify(paid)).not.toContain('4791234567');
    const [order] = await getWorld().handle.db.select().from(orders).where(eq(orders.orderNumber, started.orderNumber));
    expect(order?.status).toBe('reserved');
  });

  it('a hundred polls at once cause one upstream GET, and none again within 2 s', async () => {
    const deps = getWorld().deps();
    const { reference } = await checkout();
    await forgetLastRead(reference);
    await Promise.all(Array.from({ length: 100 }, () => getPaymentStatus(deps, reference)));
    expect(getWorld().harness.attemptsOf('getPayment', reference)).toHaveLength(1);
    await getPaymentStatus(deps, reference);
    expect(getWorld().harness.attemptsOf('getPayment', reference)).toHaveLength(1);
  });

  it('polls that arrive together share one database read; a poll after a change sees the change', async () => {
    const deps = getWorld().deps();
    const { reference } = await checkout();
    let selects = 0;
    // Counts the statements the status reads start; only `select` is counted, the claim is an update.
    const db = new Proxy(deps.db, {
      get(target, key, receiver) {
        if (key === 'select') selects += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const counted = { ...deps, db };
    const answers = await Promise.all(Array.from({ length: 50 }, () => getPaymentStatus(counted, reference)));
    expect(selects).toBe(1);
    expect(new Set(answers.map((answer) => answer.outcome))).toEqual(new Set(['pending']));

    await getWorld()
      .handle.db.update(payments)
      .set({ vippsState: 'ABORTED', checkedAt: sql`now()` })
      .where(eq(payments.reference, reference));
    expect((await getPaymentStatus(counted, reference)).outcome).toBe('cancelled');
    expect(selects).toBe(2);
  });

  it('never asks Vipps again about a final payment', async () => {
    const deps = getWorld().deps();
    const { reference } = await checkout();
    await getWorld().harness.sim.reject(reference);
    await forgetLastRead(reference);
    expect((await getPaymentStatus(deps, reference)).outcome).toBe('cancelled');
    await forgetLastRead(reference);
    await getPaymentStatus(deps, reference);
    expect(getWorld().harness.attemptsOf('getPayment', reference)).toHaveLength(1);
  });

  it('marks an authorization for another amount as needing attention, never paid', async () => {
    const deps = getWorld().deps();
    const { reference, orderNumber } = await checkout();
    // As if the order total had been changed after the payment was created.
    await getWorld().handle.db.update(payments).set({ amountOre: 1 }).where(eq(payments.reference, reference));
    await getWorld().harness.sim.approve(reference);
    await forgetLastRead(reference);
    expect((await getPaymentStatus(deps, reference)).outcome).toBe('needs_attention');
    const [order] = await getWorld().handle.db.select().from(orders).where(eq(orders.orderNumber, orderNumber));
    expect(order?.status).toBe('needs_attention');
  });

  it('answers 404 for an unknown reference', async () => {
    await expect(getPaymentStatus(getWorld().deps(), 'no-such-reference')).rejects.toMatchObject({ status: 404 });
  });
});

describe('try again', () => {
  it('after ABORTED makes one new attempt with a new reference for the same order, however often it is pressed', async () => {
    const deps = getWorld().deps();
    const first = await checkout();
    await getWorld().harness.sim.reject(first.reference);
    await forgetLastRead(first.reference);
    expect(await getPaymentStatus(deps, first.reference)).toMatchObject({ outcome: 'cancelled', canRetry: true });

    const [a, b] = await Promise.all([retryPayment(deps, first.reference), retryPayment(deps, first.reference)]);
    expect(a).toEqual(b);
    expect(a.reference).not.toBe(first.reference);
    expect(a.orderNumber).toBe(first.orderNumber);
    expect(await getPaymentStatus(deps, first.reference)).toMatchObject({
      canRetry: false,
      newerReference: a.reference,
    });

    await getWorld().harness.sim.approve(a.reference);
    await forgetLastRead(a.reference);
    expect((await getPaymentStatus(deps, a.reference)).outcome).toBe('paid');
  });

  it('is refused while the payment is still open or already paid', async () => {
    const deps = getWorld().deps();
    const { reference } = await checkout();
    await expect(retryPayment(deps, reference)).rejects.toMatchObject({ status: 409 });
    await getWorld().harness.sim.approve(reference);
    await forgetLastRead(reference);
    await getPaymentStatus(deps, reference);
    await expect(retryPayment(deps, reference)).rejects.toMatchObject({ status: 409 });
  });

  it('after EXPIRED works the same way (virtual clock)', async () => {
    const deps = getWorld().deps();
    const { reference } = await checkout();
    await getWorld().harness.sim.advanceClock(11 * 60);
    await forgetLastRead(reference);
    expect(await getPaymentStatus(deps, reference)).toMatchObject({ outcome: 'expired', canRetry: true });
    const again = await retryPayment(deps, reference);
    expect(again.redirectUrl).toContain('/landing?token=');
  });
});
