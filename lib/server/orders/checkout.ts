import { createHash } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { PaymentStartedResponse } from '@/lib/shop-api';
import { findProducts } from '../catalogue/products';
import { orderLines, orders, paymentOperations, payments } from '../db/schema';
import { queryRows } from '../db/rows';
import { ProblemError } from '../http/problem';
import { createPaymentBody } from './create-payment-body';
import { ensurePaymentCreated } from './create-payment';
import type { OrdersDeps } from './deps';
import { priceCart } from './pricing';
import { createKeyFor, newPaymentReference, orderNumberFor } from './references';
import { retryPayment } from './retry';
import { canRetry } from './state-machine';
import { ledgerOf } from './sync';

export interface CheckoutInput {
  /** The browser's Idempotency-Key for this checkout. */
  checkoutKey: string;
  items: { sku: string; quantity: number }[];
  phoneNumber?: string;
}

/**
 * The shopper's "Pay with Vipps": prices the cart from the catalogue, writes the order, its lines, the first
 * payment attempt and its create operation (with the Idempotency-Key) in one transaction, then asks Vipps to
 * create the payment. The same checkout key again — a double click, a browser retry, a retry after a lost
 * response — finds that order and resumes it, so there is never a second order or payment.
 */
export async function startCheckout(deps: OrdersDeps, input: CheckoutInput): Promise<PaymentStartedResponse> {
  const { db } = deps;
  const priced = priceCart(
    await findProducts(
      db,
      input.items.map((i) => i.sku),
    ),
    input.items,
  );
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ items: input.items, phoneNumber: input.phoneNumber ?? null }))
    .digest('hex');

  const started = await db.transaction(async (tx) => {
    const [{ id } = { id: 0 }] = await queryRows<{ id: number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('orders', 'id'))::int as id`,
    );
    const orderNumber = orderNumberFor(id);
    const inserted = await tx
      .insert(orders)
      .values({
        id,
        orderNumber,
        checkoutKey: input.checkoutKey,
        requestHash,
        currency: priced.currency,
        totalOre: priced.totalOre,
        vatOre: priced.vatOre,
        phoneNumber: input.phoneNumber ?? null,
        status: 'awaiting_payment',
      })
      .onConflictDoNothing({ target: orders.checkoutKey })
      .returning({ id: orders.id });
    if (inserted.length === 0) return undefined;

    await tx.insert(orderLines).values(priced.lines.map((line) => ({ ...line, orderId: id })));
    const reference = newPaymentReference(orderNumber, 1);
    await tx
      .insert(payments)
      .values({ reference, orderId: id, attempt: 1, currency: priced.currency, amountOre: priced.totalOre });
    const body = createPaymentBody({
      ...priced,
      reference,
      orderNumber,
      phoneNumber: input.phoneNumber,
      publicBaseUrl: deps.publicBaseUrl,
    });
    const [operation] = await tx
      .insert(paymentOperations)
      .values({
        reference,
        kind: 'create',
        idempotencyKey: createKeyFor(reference),
        amountOre: priced.totalOre,
        requestBody: JSON.stringify(body),
        status: 'pending',
        requestedBy: 'shopper',
      })
      .returning();
    return { orderNumber, reference, operation };
  });

  if (started) {
    const { operation, ...ids } = started;
    return { ...ids, redirectUrl: await ensurePaymentCreated(deps, started.reference, operation) };
  }
  const existing = await existingCheckout(deps, input.checkoutKey, requestHash);
  // Paying again from the checkout page after aborting in Vipps is "try again": a new attempt, same order.
  if (canRetry(ledgerOf(existing.payment))) return retryPayment(deps, existing.payment.reference);
  const redirectUrl = await ensurePaymentCreated(deps, existing.payment.reference);
  return { orderNumber: existing.orderNumber, reference: existing.payment.reference, redirectUrl };
}

async function existingCheckout(deps: OrdersDeps, checkoutKey: string, requestHash: string) {
  const [order] = await deps.db.select().from(orders).where(eq(orders.checkoutKey, checkoutKey));
  if (!order) throw new Error(`checkout ${checkoutKey} vanished`);
  if (order.requestHash !== requestHash) {
    throw new ProblemError({
      status: 409,
      code: 'conflict',
      title: 'This checkout was already started with another cart',
      detail: 'Reload the checkout page and pay again.',
    });
  }
  const [latest] = await deps.db
    .select()
    .from(payments)
    .where(eq(payments.orderId, order.id))
    .orderBy(desc(payments.attempt), asc(payments.reference))
    .limit(1);
  if (!latest) throw new Error(`order ${order.orderNumber} has no payment`);
  return { orderNumber: order.orderNumber, payment: latest };
}
