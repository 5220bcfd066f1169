import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/core';
import { paymentOperations, payments, staffActions } from '../db/schema';
import { ProblemError, isProblemError } from '../http/problem';
import type { VippsAuthError, VippsNotPerformedError } from '../vipps/errors';
import type { ModificationResponse } from '../vipps/types';
import type { OrdersDeps } from './deps';
import { checkAmount, headroom, inFlightFrom, type InFlight, type MoneyMove } from './money-rules';
import { markAttempted, markFailed, markSucceeded, unjudgedByVipps, type OperationStatus } from './operations';
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
 * Our own checks said no (nothing left to capture, wrong state, a move in flight): nothing reached Vipps, but an
 * attempt to move money is still part of the audit trail, so it is logged as refused with the reason staff saw.
 */
export async function auditRefusal(
  db: Db,
  request: Pick<MoveRequest, 'reference' | 'staffEmail' | 'note' | 'amountOre'> & { action: string },
  refusal: ProblemError,
): Promise<void> {
  await db.insert(staffActions).values({
    staffEmail: request.staffEmail,
    action: request.action,
    reference: request.reference,
    amountOre: request.amountOre ?? null,
    note: request.note,
    result: 'refused',
    reason: (refusal.detail ? `${refusal.title}: ${refusal.detail}` : refusal.title).slice(0, 500),
  });
}

/**
 * Under the payment's row lock: checks what is left (counting operations still in flight, so two staff or two
 * instances cannot both take the same money) and writes the operation row with its Idempotency-Key.
 */
function reserveOperation(deps: OrdersDeps, request: MoveRequest) {
  return deps.db.transaction(async (tx) => {
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
}

/**
 * Capture, refund or cancel, as the money rules say: reserve the operation (reserveOperation), then call Vipps,
 * and record the outcome and the staff action. A refusal by our own checks is recorded as a staff action too.
 *
 * What Vipps answered is the result: succeeded, rejected (with Vipps' code and title) or unknown. A call Vipps
 * never judged (every attempt rate-limited, no token in time, credentials refused) has no answer to return: once
 * recorded, with the operation closed so the money is free again, its error is thrown on for the caller's one
 * error table (lib/server/http/problem.ts) to map.
 */
export async function moveMoney(deps: OrdersDeps, request: MoveRequest): Promise<MoveResult> {
  const { db } = deps;
  const [known] = await db.select().from(payments).where(eq(payments.reference, request.reference));
  // Our copy may lag behind Vipps (a webhook still on its way): read it before deciding what is allowed.
  if (known?.redirectUrl && !isFinalState(known.vippsState)) await syncPayment(deps, request.reference);
  const operation = await reserveOperation(deps, request).catch(async (error: unknown) => {
    // A 404 (no such payment) has no order to show the row on; a conflict is a refusal staff must see later.
    if (isProblemError(error) && error.status === 409) {
      await auditRefusal(db, { ...request, action: request.kind }, error);
    }
    throw error;
  });

  await markAttempted(db, operation.id);
  let status: OperationStatus = 'succeeded';
  let unjudged: VippsNotPerformedError | VippsAuthError | undefined;
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
    status = await markFailed(db, operation, error, 'rejected');
    if (status === 'rejected' && unjudgedByVipps(error)) unjudged = error;
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
  if (unjudged !== undefined) throw unjudged;
  return {
    operationId: operation.id,
    status,
    amountOre: operation.amountOre,
    vippsCode: stored?.errorCode ?? null,
    vippsTitle: stored?.errorTitle ?? null,
  };
}
