import { createHash } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { PROFILE_SCOPE, type PaymentStartedResponse } from '@/lib/shop-api';
import { findProducts } from '../catalogue/products';
import { orders, payments } from '../db/schema';
import { queryRows } from '../db/rows';
import { ProblemError } from '../http/problem';
import { insertCheckout } from './checkout-write';
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
  /** The shopper chose to share name, e-mail, phone and address from Vipps: the create asks for PROFILE_SCOPE. */
  shareProfile?: boolean;
}

/**
 * The shopper's "Pay with Vipps": prices the cart from the catalogue, writes the order, its lines, the first
 * payment attempt and its create operation (with the Idempotency-Key) in one statement (checkout-write.ts), then
 * asks Vipps to create the payment. The same checkout key again — a double click, a browser retry, a retry after
 * a lost response — finds that order and resumes it, so there is never a second order or payment.
 */
export async function startCheckout(deps: OrdersDeps, input: CheckoutInput): Promise<PaymentStartedResponse> {
  const { db } = deps;
  // The order's id is drawn beside the catalogue read, not after it: one round trip less. A cart that turns out
  // not to price (a SKU no longer sold) leaves a gap in the order numbers, as a replayed checkout key already does.
  const [catalogue, [{ id } = { id: 0 }]] = await Promise.all([
    findProducts(
      db,
      input.items.map((i) => i.sku),
    ),
    queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('orders', 'id'))::int as id`),
  ]);
  const priced = priceCart(catalogue, input.items);
  const profileScope = input.shareProfile ? PROFILE_SCOPE : undefined;
  // The choice is part of the request only when made, so a checkout without it hashes as it always did.
  const requestHash = createHash('sha256')
    .update(
      JSON.stringify({
        items: input.items,
        phoneNumber: input.phoneNumber ?? null,
        ...(profileScope && { profileScope }),
      }),
    )
    .digest('hex');

  const orderNumber = orderNumberFor(id);
  const reference = newPaymentReference(orderNumber, 1);
  const operation = await insertCheckout(db, {
    orderId: id,
    orderNumber,
    checkoutKey: input.checkoutKey,
    requestHash,
    phoneNumber: input.phoneNumber,
    priced,
    reference,
    idempotencyKey: createKeyFor(reference),
    profileScope,
    body: createPaymentBody({
      ...priced,
      reference,
      orderNumber,
      phoneNumber: input.phoneNumber,
      profileScope,
      publicBaseUrl: deps.publicBaseUrl,
    }),
  });

  if (operation) return { orderNumber, reference, redirectUrl: await ensurePaymentCreated(deps, reference, operation) };
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
