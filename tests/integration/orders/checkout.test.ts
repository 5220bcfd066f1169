import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orderLines, orders, paymentOperations, payments } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { REFERENCE_PATTERN } from '@/lib/server/orders/references';
import { IMPATIENT, newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();

const CART = [
  { sku: 'fjord-mug', quantity: 2 }, // 2 × 249,00 at 25 %
  { sku: 'brunost', quantity: 1 }, // 89,90 at 15 %
  { sku: 'jotunheimen-guide', quantity: 1 }, // 329,00 at 0 %
];
const TOTAL = 2 * 24900 + 8990 + 32900;
const VAT = 9960 + 1173 + 0;

describe('checkout', () => {
  it('prices from the catalogue, stores order, lines, payment and create operation, and creates the payment', async () => {
    const started = await startCheckout(getWorld().deps(), {
      checkoutKey: newCheckoutKey(),
      items: CART,
      phoneNumber: '4791234567',
    });
    expect(started.reference).toMatch(REFERENCE_PATTERN);
    expect(started.redirectUrl).toContain('/landing?token=');

    const [order] = await getWorld().handle.db.select().from(orders).where(eq(orders.orderNumber, started.orderNumber));
    expect(order).toMatchObject({ totalOre: TOTAL, vatOre: VAT, currency: 'NOK', status: 'awaiting_payment' });
    const lines = await getWorld().handle.db.select().from(orderLines).where(eq(orderLines.orderId, order!.id));
    expect(lines.map((l) => [l.sku, l.quantity, l.totalOre, l.vatOre])).toEqual([
      ['fjord-mug', 2, 49800, 9960],
      ['brunost', 1, 8990, 1173],
      ['jotunheimen-guide', 1, 32900, 0],
    ]);
    const [operation] = await getWorld()
      .handle.db.select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, started.reference));
    expect(operation).toMatchObject({
      kind: 'create',
      status: 'succeeded',
      idempotencyKey: `create-${started.reference}`,
    });

    const sim = await getWorld().harness.sim.payment(started.reference);
    expect(sim.amount).toEqual({ currency: 'NOK', value: TOTAL });
    expect(sim).toMatchObject({ state: 'CREATED', customerPhoneNumber: '4791234567' });
    expect(sim.events[0]).toMatchObject({ name: 'CREATED', idempotencyKey: `create-${started.reference}` });
  });

  it('sends the receipt lines and a returnUrl with the reference', async () => {
    const started = await startCheckout(getWorld().deps(), { checkoutKey: newCheckoutKey(), items: CART });
    const [operation] = await getWorld()
      .handle.db.select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, started.reference));
    const body = JSON.parse(operation!.requestBody!) as Record<string, unknown> & {
      receipt: { orderLines: { totalAmount: number; totalTaxAmount: number }[] };
    };
    expect(body).toMatchObject({
      userFlow: 'WEB_REDIRECT',
      returnUrl: `http://localhost:3000/return?reference=${started.reference}`,
      paymentDescription: `Fjellbutikken order ${started.orderNumber}`,
    });
    expect(body).not.toHaveProperty('customer');
    expect(body.receipt.orderLines.reduce((sum, l) => sum + l.totalAmount, 0)).toBe(TOTAL);
    expect(body.receipt.orderLines.reduce((sum, l) => sum + l.totalTaxAmount, 0)).toBe(VAT);
  });

  it('a double click (the same checkout key twice at once) makes one order and one Vipps payment', async () => {
    const key = newCheckoutKey();
    const [a, b] = await Promise.all([
      startCheckout(getWorld().deps(), { checkoutKey: key, items: CART }),
      startCheckout(getWorld().deps(), { checkoutKey: key, items: CART }),
    ]);
    expect(a).toEqual(b);
    expect(await getWorld().handle.db.select().from(orders).where(eq(orders.checkoutKey, key))).toHaveLength(1);
    expect((await getWorld().harness.sim.payments()).map((p) => p.reference)).toEqual([a.reference]);
  });

  it('a lost create response is retried with the same key and still makes one payment', async () => {
    const key = newCheckoutKey();
    // Every attempt of the first call loses its answer after Vipps made the payment; a short deadline gives up.
    await getWorld().harness.sim.faults.add({ operation: 'create', kind: 'drop-after-commit', count: 50 });
    const impatient = getWorld().deps(IMPATIENT);
    await expect(startCheckout(impatient, { checkoutKey: key, items: CART })).rejects.toMatchObject({
      outcome: 'unknown',
    });
    const [order] = await getWorld().handle.db.select().from(orders).where(eq(orders.checkoutKey, key));
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.orderId, order!.id));
    const [operation] = await getWorld()
      .handle.db.select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, payment!.reference));
    expect(operation?.status).toBe('unknown');

    await getWorld().harness.sim.faults.clear();
    const again = await startCheckout(getWorld().deps(), { checkoutKey: key, items: CART }); // the browser retries
    expect(again.reference).toBe(payment!.reference);
    const sims = await getWorld().harness.sim.payments();
    expect(sims).toHaveLength(1);
    expect(sims[0]!.events.filter((e) => e.name === 'CREATED')).toHaveLength(1);
  });

  it('the same key with another cart is a conflict, not a replay', async () => {
    const key = newCheckoutKey();
    await startCheckout(getWorld().deps(), { checkoutKey: key, items: CART });
    await expect(
      startCheckout(getWorld().deps(), { checkoutKey: key, items: [{ sku: 'fjord-mug', quantity: 9 }] }),
    ).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });

  it('refuses unknown products with a field error and writes nothing', async () => {
    const before = (await getWorld().handle.db.select().from(orders)).length;
    await expect(
      startCheckout(getWorld().deps(), {
        checkoutKey: newCheckoutKey(),
        items: [{ sku: 'no-such-thing', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'items.0.sku' }] });
    expect(await getWorld().handle.db.select().from(orders)).toHaveLength(before);
  });
});
