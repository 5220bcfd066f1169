import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders, payments } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { moveMoney } from '@/lib/server/orders/move-money';
import { getPaymentStatus } from '@/lib/server/orders/status';
import { openThrowawayPostgres } from '../db-drivers';
import { newCheckoutKey, setUpOrdersWorld } from './support';

// On PGlite everything runs on one connection, so races there prove little. PostgreSQL with a pool of
// connections is where the row lock and the unique checkout key must hold.
describe.skipIf(process.env.SKIP_POSTGRES_TESTS === '1')('on PostgreSQL, at the same moment', () => {
  const getWorld = setUpOrdersWorld(undefined, () => openThrowawayPostgres());

  it('ten checkouts with one key make one order, one Vipps payment and one create call', async () => {
    const key = newCheckoutKey();
    const items = [{ sku: 'fjord-mug', quantity: 1 }];
    const results = await Promise.all(
      Array.from({ length: 10 }, () => startCheckout(getWorld().deps(), { checkoutKey: key, items })),
    );
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(await getWorld().handle.db.select().from(orders).where(eq(orders.checkoutKey, key))).toHaveLength(1);
    expect(await getWorld().harness.sim.payments()).toHaveLength(1);
    // …and one create call: replays count towards Vipps' 5 a minute per reference, so the rest wait for it.
    expect(getWorld().harness.attemptsOf('createPayment')).toHaveLength(1);
  });

  it('ten full captures: exactly one succeeds and captured never exceeds authorized', async () => {
    const { reference } = await startCheckout(getWorld().deps(), {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'roros-blanket', quantity: 1 }],
    });
    await getWorld().harness.sim.approve(reference);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        moveMoney(getWorld().deps(), { reference, kind: 'capture', staffEmail: `staff-${i}@shop.no` }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.capturedOre).toBe(129900);
  });

  it('a hundred polls over the pool (as from several instances) make one upstream GET per 2 s', async () => {
    const { reference } = await startCheckout(getWorld().deps(), {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'brunost', quantity: 1 }],
    });
    // Each poll gets its own client, as separate app instances would; the claim is decided by PostgreSQL alone.
    await Promise.all(Array.from({ length: 100 }, () => getPaymentStatus(getWorld().deps(), reference)));
    expect(getWorld().harness.attemptsOf('getPayment', reference)).toHaveLength(1);
  });
});
