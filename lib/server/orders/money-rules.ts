// What staff may still do with a payment, from our ledger and the operations still in flight. Pure.
import { amountProblem } from '@/lib/admin-money';
import type { PaymentLedger } from './state-machine';

export type MoneyMove = 'capture' | 'refund' | 'cancel';

/** Amounts of operations written but not settled (pending or unknown): they may still happen at Vipps. */
export interface InFlight {
  captureOre: number;
  refundOre: number;
  cancels: number;
}

/** What is in flight among a payment's operations: pending or unknown captures, refunds and cancels. */
export function inFlightFrom(operations: { kind: string; status: string; amountOre: number }[]): InFlight {
  const open = operations.filter((o) => o.status === 'pending' || o.status === 'unknown');
  const sum = (kind: string) => open.filter((o) => o.kind === kind).reduce((total, o) => total + o.amountOre, 0);
  return {
    captureOre: sum('capture'),
    refundOre: sum('refund'),
    cancels: open.filter((o) => o.kind === 'cancel').length,
  };
}

export interface Headroom {
  /** BRIEF §5: authorized − captured − cancelled, less captures still in flight. */
  capturableOre: number;
  /** BRIEF §5: captured − refunded, less refunds still in flight. */
  refundableOre: number;
  /** Cancel releases what is not captured; impossible after a full capture (6040) or while a capture runs. */
  cancellable: boolean;
  /** Why cancel is not offered, when it is not. */
  cancelBlockedBy: string | null;
}

export function headroom(ledger: PaymentLedger, inFlight: InFlight): Headroom {
  const authorized = ledger.vippsState === 'AUTHORIZED';
  const capturableOre = authorized
    ? Math.max(0, ledger.authorizedOre - ledger.capturedOre - ledger.cancelledOre - inFlight.captureOre)
    : 0;
  const refundableOre = Math.max(0, ledger.capturedOre - ledger.refundedOre - inFlight.refundOre);
  let cancelBlockedBy: string | null = null;
  if (ledger.vippsState !== 'AUTHORIZED' && ledger.vippsState !== 'CREATED') {
    cancelBlockedBy = `The payment is ${ledger.vippsState ?? 'not created'}; there is nothing to cancel.`;
  } else if (inFlight.captureOre > 0 || inFlight.cancels > 0) {
    cancelBlockedBy = 'Another operation on this payment has not finished yet.';
  } else if (authorized && ledger.capturedOre + ledger.cancelledOre >= ledger.authorizedOre) {
    cancelBlockedBy =
      ledger.cancelledOre > 0
        ? 'The rest of the reservation has already been released.'
        : 'Everything has been captured: a cancel cannot undo that. Refund instead.';
  }
  return { capturableOre, refundableOre, cancellable: cancelBlockedBy === null, cancelBlockedBy };
}

/** The amount a capture or refund will move, or the reason it may not. Omitted = everything that remains. */
export function checkAmount(
  kind: 'capture' | 'refund',
  requestedOre: number | undefined,
  room: Headroom,
  currency: string,
): { ok: true; amountOre: number } | { ok: false; reason: string } {
  const limit = kind === 'capture' ? room.capturableOre : room.refundableOre;
  const amountOre = requestedOre ?? limit;
  if (limit > 0 && (!Number.isSafeInteger(amountOre) || amountOre < 1))
    return { ok: false, reason: 'The amount must be at least 0,01 kr.' };
  // The same sentences the money panel shows before it sends anything (lib/admin-money.ts).
  const reason = amountProblem(kind, amountOre, limit, currency);
  return reason ? { ok: false, reason } : { ok: true, amountOre };
}
