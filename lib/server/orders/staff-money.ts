// Staff money moves as the admin API answers them: moveMoney's result mapped to the admin contract, "check
// with Vipps" with its guard and audit row, and the money panel's figures, all read from our ledger.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MoneyMoveResponse, MoneyPanelProps } from '@/lib/admin-api';
import type { Db } from '../db/core';
import { paymentOperations, payments, staffActions } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { OrdersDeps } from './deps';
import { abandonedAfterSeconds, buildMoneyPanel } from './money-panel';
import { auditRefusal, moveMoney, type MoveRequest } from './move-money';
import { settleOperation } from './settle-operation';

const MONEY_MOVES = ['capture', 'refund', 'cancel'];

/**
 * Runs a move and says what happened in the admin contract's words. Vipps' refusals come back as data with
 * Vipps' code and title (staff need them; nothing else of Vipps' answer leaves the server). An unknown outcome
 * is a 200 with `status: 'unknown'`, so the panel can offer "Check with Vipps" for that operation. A move Vipps
 * never judged (rate limit, no token, credentials refused) is not an answer: moveMoney throws it, and the route's
 * error table makes it the 503 "Vipps is busy" (or 502 "cannot be used") problem.
 */
export async function moveMoneyForStaff(deps: OrdersDeps, request: MoveRequest): Promise<MoneyMoveResponse> {
  const result = await moveMoney(deps, request);
  return {
    operationId: result.operationId,
    status: result.status,
    amountOre: result.amountOre,
    vippsCode: result.status === 'rejected' ? result.vippsCode : null,
    vippsTitle: result.status === 'rejected' ? result.vippsTitle : null,
  };
}

/** "Check with Vipps": settles one capture, refund or cancel from Vipps' event log, and logs who asked. */
export async function checkOperationForStaff(
  deps: OrdersDeps,
  request: { operationId: number; staffEmail: string },
): Promise<MoneyMoveResponse> {
  const [operation] = await deps.db
    .select({
      kind: paymentOperations.kind,
      status: paymentOperations.status,
      reference: paymentOperations.reference,
      amountOre: paymentOperations.amountOre,
      running: sql<boolean>`${paymentOperations.createdAt} > now() - make_interval(secs => ${abandonedAfterSeconds()})`,
    })
    .from(paymentOperations)
    .where(eq(paymentOperations.id, request.operationId));
  if (!operation || !MONEY_MOVES.includes(operation.kind)) {
    throw new ProblemError({ status: 404, code: 'not_found', title: 'Operation not found' });
  }
  // A pending call may still land at Vipps: reading the log now could call it "not there" a moment too early.
  if (operation.status === 'pending' && operation.running) {
    const refusal = new ProblemError({
      status: 409,
      code: 'conflict',
      title: 'Still running',
      detail: `This ${operation.kind} is still waiting for Vipps' answer. Reload the page in a minute.`,
    });
    await auditRefusal(
      deps.db,
      { action: 'check_with_vipps', reference: operation.reference, staffEmail: request.staffEmail },
      refusal,
    );
    throw refusal;
  }
  const wasOpen = operation.status === 'pending' || operation.status === 'unknown';
  const status = await settleOperation(deps, request.operationId);
  const [stored] = await deps.db.select().from(paymentOperations).where(eq(paymentOperations.id, request.operationId));
  if (wasOpen) {
    await deps.db.insert(staffActions).values({
      staffEmail: request.staffEmail,
      action: 'check_with_vipps',
      reference: operation.reference,
      amountOre: operation.amountOre,
      result: status,
      operationId: request.operationId,
    });
  }
  return {
    operationId: request.operationId,
    status,
    amountOre: operation.amountOre,
    vippsCode: status === 'rejected' ? (stored?.errorCode ?? null) : null,
    vippsTitle: status === 'rejected' ? (stored?.errorTitle ?? null) : null,
  };
}

/**
 * Someone without the role asked for a capture, refund, cancel or "check with Vipps": nothing was done, and the
 * attempt goes into the staff actions audit as refused, like the refusals of the money rules (auditRefusal).
 * Only on a payment we have: a row for a reference that is not ours would sit on no order page.
 */
export async function auditForbiddenStaffAction(
  db: Db,
  request: { action: string; reference: string; staffEmail: string },
  refusal: ProblemError,
): Promise<void> {
  const [payment] = await db
    .select({ reference: payments.reference })
    .from(payments)
    .where(eq(payments.reference, request.reference));
  if (payment) await auditRefusal(db, request, refusal);
}

/** The same for "check with Vipps", which names an operation: the audit row goes on that operation's payment. */
export async function auditForbiddenCheck(
  db: Db,
  request: { operationId: number; staffEmail: string },
  refusal: ProblemError,
): Promise<void> {
  const [operation] = await db
    .select({ reference: paymentOperations.reference })
    .from(paymentOperations)
    .where(eq(paymentOperations.id, request.operationId));
  if (!operation) return;
  await auditRefusal(
    db,
    { action: 'check_with_vipps', reference: operation.reference, staffEmail: request.staffEmail },
    refusal,
  );
}

/** The money panel of one payment attempt: the rows it is built from, read from our ledger. */
export async function moneyPanelFor(db: Db, reference: string, canMoveMoney: boolean): Promise<MoneyPanelProps> {
  const [payment] = await db.select().from(payments).where(eq(payments.reference, reference));
  if (!payment) throw new ProblemError({ status: 404, code: 'not_found', title: 'Payment not found' });
  const operations = await db
    .select()
    .from(paymentOperations)
    .where(and(eq(paymentOperations.reference, reference), inArray(paymentOperations.status, ['pending', 'unknown'])));
  return buildMoneyPanel({
    payment,
    operations,
    now: new Date(),
    abandonedAfterSeconds: abandonedAfterSeconds(),
    canMoveMoney,
  });
}
