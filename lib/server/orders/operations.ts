import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { paymentOperations, type PaymentOperationRow } from '../db/schema';
import { isVippsError, type VippsAuthError, type VippsNotPerformedError } from '../vipps/errors';

/** How a Vipps call ended, as the operation row records it (DESIGN money rules). */
export type OperationStatus = 'pending' | 'succeeded' | 'rejected' | 'unknown';

export async function findOperation(db: Db, reference: string, kind: string): Promise<PaymentOperationRow | undefined> {
  const [row] = await db
    .select()
    .from(paymentOperations)
    .where(and(eq(paymentOperations.reference, reference), eq(paymentOperations.kind, kind)))
    .orderBy(paymentOperations.id)
    .limit(1);
  return row;
}

export async function markAttempted(db: Db, id: number): Promise<void> {
  await db
    .update(paymentOperations)
    .set({ attempts: sql`${paymentOperations.attempts} + 1` })
    .where(eq(paymentOperations.id, id));
}

/** What a succeeded operation row says (markSucceeded, and statements that record success with other writes). */
export const SUCCEEDED = { status: 'succeeded', completedAt: sql`now()`, errorCode: null, errorTitle: null } as const;

export async function markSucceeded(db: Db, id: number): Promise<void> {
  await db.update(paymentOperations).set(SUCCEEDED).where(eq(paymentOperations.id, id));
}

/**
 * Nothing was done and Vipps did not judge it: every attempt was turned away (429), no token came in time, or our
 * credentials were refused before any attempt could have reached the payment (the client reports an auth error
 * only then, outcome.ts). Unlike a rejection, trying again later may work.
 */
export function unjudgedByVipps(error: unknown): error is VippsNotPerformedError | VippsAuthError {
  return isVippsError(error, 'not-performed') || isVippsError(error, 'auth');
}

/**
 * Records a failed call. A rejection means Vipps did not do it. "Not performed" speaks only for this call, so an
 * operation that was already `unknown` stays unknown (an earlier attempt may still have happened); anything
 * else leaves the outcome unknown until the payment is read back.
 */
export async function markFailed(
  db: Db,
  operation: Pick<PaymentOperationRow, 'id' | 'status'>,
  error: unknown,
  /** What "definitely not performed" leaves behind: `pending` to send it again later (creates), or closed. */
  notPerformed: 'pending' | 'rejected' = 'pending',
): Promise<OperationStatus> {
  let status: OperationStatus = 'unknown';
  if (unjudgedByVipps(error)) status = operation.status === 'unknown' ? 'unknown' : notPerformed;
  else if (isVippsError(error, 'rejected')) status = 'rejected';
  const rejected = isVippsError(error, 'rejected') ? error : undefined;
  await db
    .update(paymentOperations)
    .set({
      status,
      errorCode: rejected?.code ?? (rejected?.status ? String(rejected.status) : null),
      errorTitle: rejected?.title ?? (error instanceof Error ? error.name : 'Error'),
      completedAt: status === 'rejected' ? sql`now()` : null,
    })
    .where(eq(paymentOperations.id, operation.id));
  return status;
}

/**
 * Claims the right to call Vipps for this operation for `seconds`, in one conditional update: concurrent
 * requests for the same operation (a double click, the reconciler) then make one call, not several — each call
 * counts towards Vipps' 5 a minute per reference (BRIEF §4), replays included.
 */
export async function claimOperation(
  db: Db,
  id: number,
  seconds: number,
  /** Also count the call the claimant is about to send (markAttempted), in the same statement. */
  { countAttempt = false } = {},
): Promise<boolean> {
  const claimed = await db
    .update(paymentOperations)
    .set({
      claimedUntil: sql`now() + make_interval(secs => ${seconds})`,
      ...(countAttempt && { attempts: sql`${paymentOperations.attempts} + 1` }),
    })
    .where(
      and(
        eq(paymentOperations.id, id),
        // A settled operation is never sent again: a waiter that read the payment just before the claimant
        // recorded success and released its claim would otherwise win the claim and call Vipps a second time.
        inArray(paymentOperations.status, ['pending', 'unknown']),
        sql`(${paymentOperations.claimedUntil} is null or ${paymentOperations.claimedUntil} < now())`,
      ),
    )
    .returning({ id: paymentOperations.id });
  return claimed.length > 0;
}

export async function releaseOperation(db: Db, id: number): Promise<void> {
  await db.update(paymentOperations).set({ claimedUntil: null }).where(eq(paymentOperations.id, id));
}
