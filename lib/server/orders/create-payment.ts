import { eq, sql } from 'drizzle-orm';
import { ProblemError } from '../http/problem';
import { isVippsError } from '../vipps/errors';
import type { CreatePaymentRequest } from '../vipps/types';
import type { OrdersDeps } from './deps';
import type { Db } from '../db/core';
import { paymentOperations, payments, type PaymentOperationRow } from '../db/schema';
import {
  claimOperation,
  findOperation,
  markFailed,
  releaseOperation,
  SUCCEEDED,
  type OperationStatus,
} from './operations';

/**
 * Makes sure Vipps has the payment for `reference` and returns its landing-page URL. The create operation row
 * (with its Idempotency-Key and exact body) was written with the order; this sends it, and sends the very same
 * request again after a timeout, a lost response or a crash — Vipps then answers with the payment it already
 * made instead of a second one. Used by checkout, "try again" and the reconciler.
 */
/** Longer than one client call may take (VIPPS_RETRY_DEADLINE_MS, 30 s by default), so a claim outlives it. */
export const CREATE_CLAIM_SECONDS = 45;
const WAIT_STEP_MS = 100;

/** What sending a create needs of its operation row. */
export type CreateToSend = Pick<PaymentOperationRow, 'id' | 'idempotencyKey' | 'requestBody' | 'status'>;

export async function ensurePaymentCreated(
  deps: OrdersDeps,
  reference: string,
  /** The create operation checkout has just written already claimed (checkout-write.ts): send it at once. */
  justClaimed?: CreateToSend,
): Promise<string> {
  if (justClaimed) return sendCreate(deps, reference, justClaimed);
  const { db } = deps;
  const deadline = Date.now() + CREATE_CLAIM_SECONDS * 1000;
  for (;;) {
    const [payment] = await db.select().from(payments).where(eq(payments.reference, reference));
    if (!payment) throw new ProblemError({ status: 404, code: 'not_found', title: 'Payment not found' });
    if (payment.redirectUrl) return payment.redirectUrl;
    const operation = await findOperation(db, reference, 'create');
    if (!operation?.requestBody) throw new Error(`payment ${reference} has no create operation`);
    if (operation.status === 'rejected') throw createRejected(operation.errorCode);
    // The claim also counts the attempt: whoever wins it sends the call.
    if (await claimOperation(db, operation.id, CREATE_CLAIM_SECONDS, { countAttempt: true })) {
      return sendCreate(deps, reference, operation);
    }
    // Someone else is asking Vipps right now: wait for their answer rather than asking again.
    if (Date.now() > deadline) {
      throw new ProblemError({
        status: 503,
        code: 'vipps_unavailable',
        title: 'The payment is still being set up',
        detail: 'Try again in a moment.',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** Sends the claimed create call and records its outcome; the claim is released either way. */
async function sendCreate(deps: OrdersDeps, reference: string, operation: CreateToSend): Promise<string> {
  const { db, vipps, log } = deps;
  try {
    const body = JSON.parse(operation.requestBody!) as CreatePaymentRequest;
    const created = await vipps.createPayment(body, { idempotencyKey: operation.idempotencyKey });
    if (!created.redirectUrl) throw new Error('Vipps answered create payment without a redirectUrl');
    // One statement (a data-modifying CTE): a payment with its redirectUrl is never sent again, so an app that
    // stopped between two separate writes left its create operation pending for ever (the fault soak found one,
    // tests/system/support/soak.ts). If the statement fails, the create stays unsent and is sent again with the same
    // Idempotency-Key.
    await recordCreated(db, reference, operation.id, created.redirectUrl);
    log.info({ reference, idempotencyKey: operation.idempotencyKey }, 'payment created at Vipps');
    return created.redirectUrl;
  } catch (error) {
    let status: OperationStatus | undefined;
    try {
      status = await markFailed(db, operation, error);
    } finally {
      await releaseOperation(db, operation.id);
    }
    log.warn({ err: error, reference, status }, 'create payment did not succeed');
    if (isVippsError(error, 'rejected')) throw createRejected(error.code);
    throw error;
  }
}

/** Stores the landing page URL and marks the create succeeded (releasing its claim), together. */
async function recordCreated(db: Db, reference: string, operationId: number, redirectUrl: string) {
  const payment = db.$with('created_payment').as(
    db
      .update(payments)
      .set({ redirectUrl, vippsState: sql`coalesce(${payments.vippsState}, 'CREATED')`, updatedAt: sql`now()` })
      .where(eq(payments.reference, reference))
      .returning({ reference: payments.reference }),
  );
  await db
    .with(payment)
    .update(paymentOperations)
    .set({ ...SUCCEEDED, claimedUntil: null })
    .where(eq(paymentOperations.id, operationId));
}

function createRejected(code: string | null | undefined): ProblemError {
  // 4070: Vipps does not accept the phone number (BRIEF §7) — the one refusal a shopper can fix.
  if (code === '4070') {
    return new ProblemError({
      status: 400,
      code: 'validation_failed',
      title: 'Vipps does not accept this phone number',
      errors: [{ path: 'phoneNumber', message: 'Check the number, or leave the field empty.' }],
    });
  }
  return new ProblemError({
    status: 409,
    code: 'vipps_rejected',
    title: 'Vipps refused this payment',
    detail: 'Nothing was charged. Try again, or contact the shop.',
  });
}
