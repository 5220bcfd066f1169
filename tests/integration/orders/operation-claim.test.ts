import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { paymentOperations } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { claimOperation, findOperation, releaseOperation } from '@/lib/server/orders/operations';
import { newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();

// Found by CI (concurrency-postgres, ten checkouts with one key): a waiter that read the payment just before the
// claimant recorded success could win the released claim and send the create a second time.
describe('claiming an operation', () => {
  it('never hands out a claim on an operation that has already succeeded or been rejected', async () => {
    const { reference } = await startCheckout(getWorld().deps(), {
      checkoutKey: newCheckoutKey(),
      items: [{ sku: 'fjord-mug', quantity: 1 }],
    });
    const { db } = getWorld().handle;
    const operation = (await findOperation(db, reference, 'create'))!;
    expect(operation.status).toBe('succeeded');
    expect(await claimOperation(db, operation.id, 30)).toBe(false);
    await db.update(paymentOperations).set({ status: 'rejected' }).where(eq(paymentOperations.id, operation.id));
    expect(await claimOperation(db, operation.id, 30)).toBe(false);
    await db.update(paymentOperations).set({ status: 'unknown' }).where(eq(paymentOperations.id, operation.id));
    expect(await claimOperation(db, operation.id, 30)).toBe(true);
    expect(await claimOperation(db, operation.id, 30)).toBe(false); // held
    await releaseOperation(db, operation.id);
  });
});
