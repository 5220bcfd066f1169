// The money panel of one payment attempt, built in one place for the order page (admin-order.ts) and the panel
// API (staff-money.ts): Vipps' aggregate as our ledger holds it, less what is in flight, and the operations
// staff may "check with Vipps". Pure: the callers read the rows.
import type { MoneyPanelProps } from '@/lib/admin-api';
import type { PaymentOperationRow, PaymentRow } from '../db/schema';
import { getEnv } from '../env';
import { headroom, inFlightFrom } from './money-rules';
import { ledgerOf } from './sync';

const MONEY_MOVES = new Set(['capture', 'refund', 'cancel']);

/** Past one call's whole retry budget: for clocks a little apart and the write after the last attempt. */
const ABANDONED_MARGIN_SECONDS = 10;

/**
 * How old a `pending` operation must be before no request can still be calling Vipps for it: a call gives up
 * after VIPPS_RETRY_DEADLINE_MS (retries included), so a row still pending after that lost its request (a crash,
 * a restart). From then on staff may check it with Vipps and the reconciler settles it, like an unknown one.
 */
export function abandonedAfterSeconds(retryDeadlineMs = getEnv().VIPPS_RETRY_DEADLINE_MS): number {
  return Math.ceil(retryDeadlineMs / 1000) + ABANDONED_MARGIN_SECONDS;
}

/** Unknown, or pending with nobody left to finish it: an outcome only Vipps' event log can tell. */
export function isOpenOperation(
  operation: Pick<PaymentOperationRow, 'kind' | 'status' | 'createdAt'>,
  rule: { now: Date; abandonedAfterSeconds: number },
): boolean {
  if (!MONEY_MOVES.has(operation.kind)) return false;
  if (operation.status === 'unknown') return true;
  const ageSeconds = (rule.now.getTime() - operation.createdAt.getTime()) / 1000;
  return operation.status === 'pending' && ageSeconds >= rule.abandonedAfterSeconds;
}

export interface MoneyPanelInput {
  payment: PaymentRow;
  /** This payment's operations; settled ones may be included and are ignored. */
  operations: PaymentOperationRow[];
  now: Date;
  abandonedAfterSeconds: number;
  canMoveMoney: boolean;
}

export function buildMoneyPanel(input: MoneyPanelInput): MoneyPanelProps {
  const { payment, now } = input;
  const own = input.operations.filter((o) => o.reference === payment.reference);
  const open = own
    .filter((o) => isOpenOperation(o, { now, abandonedAfterSeconds: input.abandonedAfterSeconds }))
    .sort((a, b) => a.id - b.id);
  return {
    reference: payment.reference,
    currency: payment.currency,
    authorizedOre: payment.authorizedOre,
    capturedOre: payment.capturedOre,
    refundedOre: payment.refundedOre,
    cancelledOre: payment.cancelledOre,
    ...headroom(ledgerOf(payment), inFlightFrom(own)),
    unknownOperations: open.map((o) => ({
      id: o.id,
      kind: o.kind,
      amountOre: o.amountOre,
      createdAt: o.createdAt.toISOString(),
    })),
    canMoveMoney: input.canMoveMoney,
  };
}
