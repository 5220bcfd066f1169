import { desc, eq } from 'drizzle-orm';
import type { PaymentStartedResponse } from '@/lib/shop-api';
import { orders, paymentOperations, paymentProfiles, payments } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { CreatePaymentRequest } from '../vipps/types';
import { ensurePaymentCreated } from './create-payment';
import { returnUrlFor } from './create-payment-body';
import type { OrdersDeps } from './deps';
import { findOperation } from './operations';
import { createKeyFor, newPaymentReference } from './references';
import { canRetry } from './state-machine';
import { ledgerOf, refreshOrderStatus } from './sync';

/**
 * "Try again" after the shopper aborted or the payment expired: a new attempt with a new reference for the
 * same order (a Vipps reference can be paid only once). `retryOf` is unique, so two clicks — or two tabs —
 * make one new attempt and both are sent to it.
 */
export async function retryPayment(deps: OrdersDeps, failedReference: string): Promise<PaymentStartedResponse> {
  const { db } = deps;
  const started = await db.transaction(async (tx) => {
    const [failed] = await tx.select().from(payments).where(eq(payments.reference, failedReference)).for('update');
    if (!failed) throw new ProblemError({ status: 404, code: 'not_found', title: 'We cannot find this payment' });
    const [order] = await tx.select().from(orders).where(eq(orders.id, failed.orderId));
    const [already] = await tx.select().from(payments).where(eq(payments.retryOf, failedReference));
    if (already) return { orderNumber: order!.orderNumber, reference: already.reference };

    const [newest] = await tx
      .select()
      .from(payments)
      .where(eq(payments.orderId, failed.orderId))
      .orderBy(desc(payments.attempt))
      .limit(1);
    if (!canRetry(ledgerOf(failed)) || newest?.reference !== failedReference) {
      throw new ProblemError({
        status: 409,
        code: 'conflict',
        title: 'This payment cannot be tried again',
        detail: 'It is still open, already paid, or a newer attempt exists. Reload the page.',
      });
    }
    const previous = await findOperation(tx, failedReference, 'create');
    const attempt = failed.attempt + 1;
    const reference = newPaymentReference(order!.orderNumber, attempt);
    const body = {
      ...(JSON.parse(previous!.requestBody!) as CreatePaymentRequest),
      reference,
      returnUrl: returnUrlFor(deps.publicBaseUrl, reference),
    };
    await tx.insert(payments).values({
      reference,
      orderId: failed.orderId,
      attempt,
      retryOf: failedReference,
      currency: failed.currency,
      amountOre: failed.amountOre,
    });
    await tx.insert(paymentOperations).values({
      reference,
      kind: 'create',
      idempotencyKey: createKeyFor(reference),
      amountOre: failed.amountOre,
      requestBody: JSON.stringify(body),
      status: 'pending',
      requestedBy: 'shopper',
    });
    // The copied body keeps the order's choice to share a profile; the new attempt gets its own profile row.
    if (body.profile?.scope) await tx.insert(paymentProfiles).values({ reference, scope: body.profile.scope });
    await refreshOrderStatus(tx, failed.orderId);
    return { orderNumber: order!.orderNumber, reference };
  });
  return { ...started, redirectUrl: await ensurePaymentCreated(deps, started.reference) };
}
