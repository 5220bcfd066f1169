// The pure rules of an order's money state. No I/O: the modules beside this one load rows, call Vipps and
// store what these functions decide. Vipps is the truth (DESIGN); these rules only refuse to let a stale or
// contradictory read move money state backwards.
import { ORDER_STATUSES, type OrderStatus } from '@/lib/order-status';
import type { PaymentOutcome } from '@/lib/shop-api';

export const VIPPS_STATES = ['CREATED', 'ABORTED', 'EXPIRED', 'AUTHORIZED', 'TERMINATED'] as const;
export type VippsState = (typeof VIPPS_STATES)[number];

/** BRIEF §5: every state but CREATED is final; AUTHORIZED stays AUTHORIZED through capture/refund/cancel. */
export function isFinalState(state: string | null): boolean {
  return state !== null && state !== 'CREATED';
}

/** What we keep of a Vipps payment. Amounts in øre, mirroring `aggregate`. */
export interface PaymentLedger {
  vippsState: VippsState | null;
  authorizedOre: number;
  capturedOre: number;
  refundedOre: number;
  cancelledOre: number;
  attentionReason: string | null;
}

/** A fresh read of the payment from Vipps (GET payment or a modification response). */
export interface VippsSnapshot {
  state: VippsState;
  currency: string;
  authorizedOre: number;
  capturedOre: number;
  refundedOre: number;
  cancelledOre: number;
}

export interface Expected {
  amountOre: number;
  currency: string;
}

/**
 * The ledger after a read from Vipps. Reads can arrive out of order (a GET that started before our capture
 * may answer after it), so amounts never go down and a final state never changes; a read that contradicts a
 * final state is recorded as needing attention rather than applied. AUTHORIZED for another amount than the
 * order's total also needs attention: the shopper approved another sum than the order's, so the order is
 * not confirmed.
 */
export function applySnapshot(current: PaymentLedger, read: VippsSnapshot, expected: Expected): PaymentLedger {
  const next: PaymentLedger = {
    vippsState: current.vippsState,
    authorizedOre: Math.max(current.authorizedOre, read.authorizedOre),
    capturedOre: Math.max(current.capturedOre, read.capturedOre),
    refundedOre: Math.max(current.refundedOre, read.refundedOre),
    cancelledOre: Math.max(current.cancelledOre, read.cancelledOre),
    attentionReason: current.attentionReason,
  };
  if (!isFinalState(current.vippsState)) next.vippsState = read.state;
  else if (read.state !== current.vippsState && read.state !== 'CREATED') {
    next.attentionReason ??= `Vipps reported ${read.state} after ${current.vippsState}`;
  }
  if (next.vippsState === 'AUTHORIZED' && next.attentionReason === null) {
    if (read.currency !== expected.currency || next.authorizedOre !== expected.amountOre) {
      next.attentionReason =
        `Authorized ${next.authorizedOre} ${read.currency}, but the order total is ` +
        `${expected.amountOre} ${expected.currency}`;
    }
  }
  return next;
}

export function ledgerChanged(a: PaymentLedger, b: PaymentLedger): boolean {
  return (Object.keys(a) as (keyof PaymentLedger)[]).some((key) => a[key] !== b[key]);
}

/** What the shopper is told (lib/shop-api.ts). Never "paid" unless Vipps said AUTHORIZED for the right amount. */
export function outcomeFor(ledger: Pick<PaymentLedger, 'vippsState' | 'attentionReason'>): PaymentOutcome {
  if (ledger.attentionReason !== null) return 'needs_attention';
  switch (ledger.vippsState) {
    case 'AUTHORIZED':
      return 'paid';
    case 'ABORTED':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    case 'TERMINATED':
      return 'terminated';
    default:
      return 'pending';
  }
}

export { ORDER_STATUSES, type OrderStatus };

/** The order's status from its newest attempt (or the attempt that was authorized, which wins). */
export function orderStatusFor(ledger: PaymentLedger): OrderStatus {
  if (ledger.attentionReason !== null) return 'needs_attention';
  switch (ledger.vippsState) {
    case null:
    case 'CREATED':
      return 'awaiting_payment';
    case 'ABORTED':
      return 'aborted';
    case 'EXPIRED':
      return 'expired';
    case 'TERMINATED':
      return 'cancelled';
    case 'AUTHORIZED':
      break;
  }
  const { authorizedOre, capturedOre, refundedOre, cancelledOre } = ledger;
  if (refundedOre > 0) return refundedOre >= capturedOre ? 'refunded' : 'partly_refunded';
  if (capturedOre === 0) return cancelledOre > 0 ? 'cancelled' : 'reserved';
  return capturedOre + cancelledOre >= authorizedOre ? 'captured' : 'partly_captured';
}

/** The shopper may pay again after they aborted or the payment expired, from the newest attempt only. */
export function canRetry(ledger: Pick<PaymentLedger, 'vippsState'>): boolean {
  return ledger.vippsState === 'ABORTED' || ledger.vippsState === 'EXPIRED';
}
