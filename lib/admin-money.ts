// The words staff confirm before money moves, and the words of each outcome. Pure, so the panel and its
// tests read the same sentences; amounts in øre, always from the server's ledger except the one typed in.
import { formatOre } from '@/lib/money';

export type MoneyMoveKind = 'capture' | 'refund' | 'cancel';

export interface MoveToConfirm {
  kind: MoneyMoveKind;
  currency: string;
  /** What this move takes: the typed amount (capture, refund) or the uncaptured remainder (cancel). */
  amountOre: number;
  /** Before the move: what can still be captured (capture, cancel) or refunded (refund). */
  availableOre: number;
  /** Already captured; cancel says it is not affected. */
  capturedOre: number;
}

/** "Capture 250,00 kr; 750,00 kr stays reserved." and its siblings: exactly what will happen. */
export function confirmationText(move: MoveToConfirm): string {
  const kr = (ore: number) => formatOre(ore, move.currency);
  const left = move.availableOre - move.amountOre;
  switch (move.kind) {
    case 'capture':
      return `Capture ${kr(move.amountOre)}; ${left > 0 ? `${kr(left)} stays reserved` : 'nothing stays reserved'}.`;
    case 'refund':
      return `Refund ${kr(move.amountOre)} to the customer; ${left > 0 ? `${kr(left)} stays refundable` : 'nothing stays refundable'}.`;
    case 'cancel':
      // Not approved yet (BRIEF §5: cancel in CREATED terminates the payment): nothing is reserved to release.
      if (move.amountOre === 0 && move.capturedOre === 0)
        return 'Cancel: the payment stops; the customer can no longer approve it.';
      return `Cancel: ${kr(move.amountOre)} stops being reserved; ${
        move.capturedOre > 0 ? `${kr(move.capturedOre)} already captured is not affected` : 'nothing has been captured'
      }.`;
  }
}

/** The past tense for the success message. */
export function doneText(kind: MoneyMoveKind, amountOre: number, currency: string): string {
  const kr = formatOre(amountOre, currency);
  if (kind === 'capture') return `Captured ${kr}.`;
  if (kind === 'refund') return `Refunded ${kr} to the customer.`;
  return `Cancelled: ${kr} is no longer reserved.`;
}

export const UNKNOWN_OUTCOME_TEXT = 'Outcome unknown — do not repeat it; press Check with Vipps.';

/** A client-side first check, so staff hear at once what the server would refuse (it checks again, under lock). */
export function amountProblem(kind: 'capture' | 'refund', amountOre: number, availableOre: number, currency: string) {
  if (availableOre <= 0) {
    return kind === 'capture'
      ? 'Nothing is left to capture: the reservation is captured, released, or being captured right now.'
      : 'Nothing is left to refund: what was captured is refunded, or being refunded right now.';
  }
  if (amountOre > availableOre) {
    return `${kind === 'capture' ? 'Capture' : 'Refund'} of ${formatOre(amountOre, currency)} is more than the ${formatOre(availableOre, currency)} that can still be ${kind === 'capture' ? 'captured' : 'refunded'}.`;
  }
  return null;
}
