import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/core';
import { paymentOperations, payments, staffActions } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { ModificationResponse } from '../vipps/types';
import type { OrdersDeps } from './deps';
import { checkAmount, headroom, inFlightFrom, type InFlight, type MoneyMove } from './money-rules';
import { markAttempted, markFailed, markSucceeded, type OperationStatus } from './operations';
import { isFinalState } from './state-machine';
import { applyVippsRead, ledgerOf, syncPayment } from './sync';

export interface MoveRequest {
  reference: string;
  kind: MoneyMove;
  /** Capture and refund only; omitted = all that remains. */
  amountOre?: number;
  staffEmail: string;
  note?: string;
}

export interface MoveResult {
  operationId: number;
  status: OperationStatus;
  amountOre: number;
  /** Vipps' error code and title when it refused (for staff, never for shoppers). */
  vippsCode: string | null;
  vippsTitle: string | null;
  /** The error that ended the call when it did not succeed: for the caller to map and log, never to send. */
  failure?: unknown;
}

export async function inFlightOf(db: Db, reference: string): Promise<InFlight> {
  const open = await db
    .select({ kind: paymentOperations.kind, status: paymentOperations.status, amountOre: paymentOperations.amountOre })
    .from(paymentOperations)
    .where(and(eq(paymentOperations.reference, reference), inArray(paymentOperations.status, ['pending', 'unknown'])));
  return inFlightFrom(open);
}

const conflict = (title: string, detail?: string) => new ProblemError({ status: 409, code: 'conflict', title, detail });

/**
 * Capture, refund or cancel, as the money rules say: under the payment's row lock, check what is left (counting
 * operations still in flight, so two staff or two instances cannot both take the same money) and write the
 * operation row with its Idempotency-Key; then call Vipps, and record the outcome and the staff action.
 */
export async function moveMoney(deps: OrdersDeps, request: MoveRequest): Promise<MoveResult> {
  const { db } = deps;
  const [known] = await db.select().from(payments).where(eq(payments.reference, request.reference));
  // Our copy may lag behind Vipps (a webhook still on its way): read it before deciding what is allowed.
  if (known?.redirectUrl && !isFinalState(known.vippsState)) await syncPayment(deps, request.reference);
  const operation = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.reference, request.reference)).for('update');
    if (!payment) throw new ProblemError({ status: 404, code: 'not_found', title: 'Payment not found' });
    const room = headroom(ledgerOf(payment), await inFlightOf(tx, request.reference));
    let amountOre: number;
    if (request.kind === 'cancel') {
      if (!room.cancellable) throw conflict('Cannot cancel', room.cancelBlockedBy ?? undefined);
      amountOre = Math.max(0, payment.authorizedOre - payment.capturedOre - payment.cancelledOre);
    } else {
      if (payment.vippsState !== 'AUTHORIZED') {
        throw conflict(
          `Cannot ${request.kind}`,
          `The payment is ${payment.vippsState ?? 'not created'}, not reserved.`,
        );
      }
      const checked = checkAmount(request.kind, request.amountOre, room, payment.currency);
      if (!checked.ok) throw conflict(`Cannot ${request.kind}`, checked.reason);
      amountOre = checked.amountOre;
    }
    const [row] = await tx
      .insert(paymentOperations)
      .values({
        reference: request.reference,
        kind: request.kind,
        idempotencyKey: `${request.kind}-${randomUUID()}`,
        amountOre,
        status: 'pending',
        requestedBy: request.staffEmail,
        note: request.note,
      })
      .returning();
    return { ...row!, currency: payment.currency };
  });

  await markAttempted(db, operation.id);
  let status: OperationStatus = 'succeeded';
  let failure: unknown;
  try {
    const amount = { currency: operation.currency as 'NOK', value: operation.amountOre };
    const key = { idempotencyKey: operation.idempotencyKey };
    let answer: ModificationResponse;
    if (request.kind === 'capture') answer = await deps.vipps.capturePayment(request.reference, amount, key);
    else if (request.kind === 'refund') answer = await deps.vipps.refundPayment(request.reference, amount, key);
    else answer = await deps.vipps.cancelPayment(request.reference, key);
    await applyVippsRead(db, request.reference, answer);
    await markSucceeded(db, operation.id);
  } catch (error) {
    failure = error;
    status = await markFailed(db, operation, error, 'rejected');
    deps.log.warn(
      { err: error, reference: request.reference, operationId: operation.id, status },
      `${request.kind} failed`,
    );
  }
  const [stored] = await db.select().from(paymentOperations).where(eq(paymentOperations.id, operation.id));
  await db.insert(staffActions).values({
    staffEmail: request.staffEmail,
    action: request.kind,
    reference: request.reference,
    amountOre: operation.amountOre,
    note: request.note,
    result: status,
    operationId: operation.id,
  });
  return {
    operationId: operation.id,
    status,
    amountOre: operation.amountOre,
    vippsCode: stored?.errorCode ?? null,
    vippsTitle: stored?.errorTitle ?? null,
    ...(failure !== undefined && { failure }),
  };
}
