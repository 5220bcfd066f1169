import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/core';
import { orders, paymentOperations, payments } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { reconcileOnce } from '@/lib/server/orders/reconcile';
import { newCheckoutKey, setUpOrdersWorld } from './support';

// The fault soak once ended with a create operation left "pending" for ever. The app had
// stopped after storing the landing page URL and before marking the create done; a payment with its URL is never
// sent again, so nothing came back for the operation.

const getWorld = setUpOrdersWorld();
const CART = [{ sku: 'fjord-mug', quantity: 1 }];

/**
 * The database as an app sees it that stops just as it marks an operation succeeded: that statement is never
 * sent, and neither is any after it (transactions included), as if the process had died there. Whatever the
 * app wrote before it stays written.
 */
function stopsWhenMarkingSucceeded(db: Db): Db {
  let stopped = false;
  const dead = () => {
    throw new Error('the app stopped');
  };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key) {
        if (stopped) return dead;
        const value = Reflect.get(object, key, object) as unknown;
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (key === 'transaction') {
          return (work: (tx: Db) => Promise<unknown>, ...rest: unknown[]) =>
            method.call(object, (tx: Db) => work(wrap(tx)), ...rest);
        }
        if (key === 'set') {
          return (values: { status?: string }) => {
            if (values.status !== 'succeeded') return method.call(object, values);
            stopped = true;
            return dead();
          };
        }
        // `with` too: the fix writes the URL in a CTE of the statement that marks the create succeeded.
        if (key === 'update' || key === 'with')
          return (...args: unknown[]) => wrap(method.apply(object, args) as object);
        return method.bind(object);
      },
    });
  return wrap(db);
}

describe('an app that stops while it records a created payment', () => {
  it('leaves the create to be sent again, never a landing page with a pending create', async () => {
    const world = getWorld();
    const key = newCheckoutKey();
    const stopping = { ...world.deps(), db: stopsWhenMarkingSucceeded(world.handle.db) };
    await expect(startCheckout(stopping, { checkoutKey: key, items: CART })).rejects.toThrow('the app stopped');

    // After a restart the stopped app's claim on the create runs out (45 s; here at once), and the shopper retries.
    const [order] = await world.handle.db.select().from(orders).where(eq(orders.checkoutKey, key));
    const [payment] = await world.handle.db.select().from(payments).where(eq(payments.orderId, order!.id));
    await world.handle.db
      .update(paymentOperations)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(paymentOperations.reference, payment!.reference));
    const again = await startCheckout(world.deps(), { checkoutKey: key, items: CART });

    expect(again.reference).toBe(payment!.reference);
    const [create] = await world.handle.db
      .select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, payment!.reference));
    expect(create).toMatchObject({ kind: 'create', status: 'succeeded' });
    const atVipps = await world.harness.sim.payments();
    expect(atVipps.map((p) => p.reference)).toEqual([payment!.reference]);
  });

  it('the reconciler repairs a create an older version left pending beside its landing page URL', async () => {
    const world = getWorld();
    const started = await startCheckout(world.deps(), { checkoutKey: newCheckoutKey(), items: CART });
    const create = eq(paymentOperations.reference, started.reference);
    const leftBehind = { status: 'pending', completedAt: null } as const;
    // Still claimed: a live request is finishing it, so the sweep leaves it alone.
    await world.handle.db
      .update(paymentOperations)
      .set({ ...leftBehind, claimedUntil: sql`now() + interval '1 minute'` })
      .where(create);
    const sweep = { minAgeSeconds: 0, leaseSeconds: 30, batchSize: 100, stalePendingSeconds: 60 };
    expect(await reconcileOnce(world.deps(), sweep)).toMatchObject({ swept: true, repaired: 0 });

    await world.handle.db
      .update(paymentOperations)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(create);
    expect(await reconcileOnce(world.deps(), sweep)).toMatchObject({ swept: true, repaired: 1 });
    const [row] = await world.handle.db.select().from(paymentOperations).where(create);
    expect(row).toMatchObject({ status: 'succeeded', claimedUntil: null });
    expect(row!.completedAt).not.toBeNull();
    expect((await world.harness.sim.payments()).map((p) => p.reference)).toEqual([started.reference]);
  });

  it('a checkout that stopped while calling Vipps is sent by the reconciler once its claim has run out', async () => {
    const world = getWorld();
    const deps = world.deps();
    // The app never hears back: its process is gone while the call is in flight.
    const frozen = { ...deps, vipps: { ...deps.vipps, createPayment: () => new Promise<never>(() => {}) } };
    const checkoutKey = newCheckoutKey();
    void startCheckout(frozen, { checkoutKey, items: CART });
    const written = async () => {
      const [row] = await world.handle.db
        .select({ operation: paymentOperations })
        .from(paymentOperations)
        .innerJoin(payments, eq(payments.reference, paymentOperations.reference))
        .innerJoin(orders, eq(orders.id, payments.orderId))
        .where(eq(orders.checkoutKey, checkoutKey));
      return row?.operation;
    };
    await expect.poll(written).toMatchObject({ kind: 'create', status: 'pending', attempts: 1 });
    // Written already claimed: the checkout counted its attempt and holds the create for 45 s.
    expect((await written())!.claimedUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    await world.handle.db
      .update(paymentOperations)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(paymentOperations.id, (await written())!.id));
    const sweep = { minAgeSeconds: 0, leaseSeconds: 30, batchSize: 100, stalePendingSeconds: 60 };
    expect(await reconcileOnce(deps, sweep)).toMatchObject({ swept: true, created: 1 });
    const create = await written();
    expect(create).toMatchObject({ status: 'succeeded', attempts: 2, claimedUntil: null });
    const atVipps = (await world.harness.sim.payments()).filter((p) => p.reference === create!.reference);
    expect(atVipps).toHaveLength(1);
  });
});
