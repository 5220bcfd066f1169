// An order's status as staff read it. The state machine calls an order "captured" once nothing is left
// reserved (captured + released ≥ authorized): staff must still see that part of it was released, not taken.
// Isomorphic: the list, the order page and their tests share it.
import { STATUS_LABELS, type AdminStatusFilter } from './admin-api';

export interface CapturedFigures {
  authorizedOre: number;
  capturedOre: number;
}

export function restWasReleased(status: string, figures: CapturedFigures): boolean {
  return status === 'captured' && figures.capturedOre < figures.authorizedOre;
}

/** The status in words; `figures` tell "Captured" from "Captured, rest released". */
export function statusWords(status: string, figures?: CapturedFigures): string {
  if (figures && restWasReleased(status, figures)) return 'Captured, rest released';
  return STATUS_LABELS[status as AdminStatusFilter] ?? status.replaceAll('_', ' ');
}
