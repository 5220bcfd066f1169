import { and, eq, sql } from 'drizzle-orm';
import { paymentOperations } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { OrdersDeps } from './deps';
import { syncPayment } from './sync';

/**
 * "Check with Vipps" for an operation whose outcome is unknown: the event log is "the authoritative data for
 * all details and operations for a payment" (BRIEF §6) and echoes each operation's Idempotency-Key. Found with
 * success → it happened; found without → Vipps refused it; not there → it never reached Vipps. The payment is
 * then read again, so the ledger shows Vipps' aggregate whatever the verdict.
 */
export async function settleOperation(deps: OrdersDeps, operationId: number): Promise<'succeeded' | 'rejected'> {
  const [operation] = await deps.db.select().from(paymentOperations).where(eq(paymentOperations.id, operationId));
  if (!operation) throw new ProblemError({ status: 404, code: 'not_found', title: 'Operation not found' });
  if (operation.status === 'succeeded' || operation.status === 'rejected') return operation.status;
  const events = await deps.vipps.getPaymentEvents(operation.reference);
  const event = events.find((e) => e.idempotencyKey === operation.idempotencyKey);
  const status = event?.success ? 'succeeded' : 'rejected';
  await deps.db
    .update(paymentOperations)
    .set({
      status,
      completedAt: sql`now()`,
      ...(status === 'rejected' && { errorTitle: event ? 'Refused by Vipps (event log)' : 'Not in Vipps event log' }),
    })
    .where(and(eq(paymentOperations.id, operationId), eq(paymentOperations.status, operation.status)));
  await syncPayment(deps, operation.reference);
  return status;
}
