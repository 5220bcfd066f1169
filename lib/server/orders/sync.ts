import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { orders, payments, type PaymentRow } from '../db/schema';
import { isVippsError } from '../vipps/errors';
import type { GetPaymentResponse, ModificationResponse } from '../vipps/types';
import type { OrdersDeps } from './deps';
import { profileAfterRead, waitAtMost } from './profile-fetch';
import { applySnapshot, ledgerChanged, orderStatusFor, type PaymentLedger, type VippsState } from './state-machine';

export function snapshotOf(read: GetPaymentResponse | ModificationResponse) {
  return {
    state: read.state,
    currency: read.amount.currency,
    authorizedOre: read.aggregate.authorizedAmount.value,
    capturedOre: read.aggregate.capturedAmount.value,
    refundedOre: read.aggregate.refundedAmount.value,
    cancelledOre: read.aggregate.cancelledAmount.value,
  };
}

export const ledgerOf = (row: PaymentRow): PaymentLedger => ({
  vippsState: row.vippsState as VippsState | null,
  authorizedOre: row.authorizedOre,
  capturedOre: row.capturedOre,
  refundedOre: row.refundedOre,
  cancelledOre: row.cancelledOre,
  attentionReason: row.attentionReason,
});

/**
 * Applies what Vipps says about a payment (a GET, or the answer to a capture/refund/cancel) under a row lock,
 * then brings the order's status in line. Webhooks, the return page and the reconciler all end here: they are
 * only signals to read the payment (DESIGN: Vipps is the truth).
 */
export async function applyVippsRead(
  db: Db,
  reference: string,
  read: GetPaymentResponse | ModificationResponse,
): Promise<PaymentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(payments).where(eq(payments.reference, reference)).for('update');
    if (!row) throw new Error(`payment ${reference} is not ours`);
    const before = ledgerOf(row);
    const after = applySnapshot(before, snapshotOf(read), { amountOre: row.amountOre, currency: row.currency });
    const [updated] = await tx
      .update(payments)
      .set({
        ...after,
        pspReference: row.pspReference ?? read.pspReference,
        ...(after.vippsState === 'AUTHORIZED' && !row.authorizedAt && { authorizedAt: sql`now()` }),
        checkedAt: sql`now()`,
        ...(ledgerChanged(before, after) && { updatedAt: sql`now()` }),
      })
      .where(eq(payments.reference, reference))
      .returning();
    await refreshOrderStatus(tx, row.orderId);
    return updated!;
  });
}

/** The order follows its authorized attempt if it has one, else its newest attempt. */
export async function refreshOrderStatus(db: Db, orderId: number): Promise<void> {
  const attempts = await db
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.attempt));
  const deciding = attempts.find((p) => p.vippsState === 'AUTHORIZED') ?? attempts[0];
  if (!deciding) return;
  await db
    .update(orders)
    .set({ status: orderStatusFor(ledgerOf(deciding)), updatedAt: sql`now()` })
    .where(eq(orders.id, orderId));
}

/**
 * Reads the payment from Vipps and applies it. A payment Vipps has never heard of (404, e.g. after the simulator
 * restarted) is marked as needing attention, which also takes it out of the reconciler's sweeps. Once the payment
 * is applied, a shared profile it carries is fetched (profile-fetch.ts): waited for at most PROFILE_WAIT_MS, and
 * never able to fail this call.
 */
export async function syncPayment(deps: OrdersDeps, reference: string): Promise<PaymentRow> {
  try {
    const read = await deps.vipps.getPayment(reference);
    const applied = await applyVippsRead(deps.db, reference, read);
    await waitAtMost(profileAfterRead(deps, reference, read));
    return applied;
  } catch (error) {
    if (isVippsError(error, 'rejected') && error.status === 404) {
      const [row] = await deps.db
        .update(payments)
        .set({ attentionReason: 'Vipps does not know this payment (404 Reference not found)', checkedAt: sql`now()` })
        .where(eq(payments.reference, reference))
        .returning();
      if (row) {
        await refreshOrderStatus(deps.db, row.orderId);
        return row;
      }
    }
    throw error;
  }
}
