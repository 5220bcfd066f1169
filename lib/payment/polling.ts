// How /return waits for Vipps' answer. Vipps is the truth, and the shopper may still be in the Vipps app, so
// the page never gives up: it polls briskly at first, then slower after a bound, but keeps going until final.
import type { PaymentStatusResponse } from '@/lib/shop-api';

/**
 * Our own route, every second: it answers from our database, and its claim keeps Vipps to one GET per payment per
 * 2 s however often we poll (lib/server/orders/status.ts). Polling our DB at 1 s lets a webhook show within about a
 * second (`npm run bench`: at 2 s, approve → "paid" took 1.8 s median with webhooks — the webhook made no difference).
 */
export const POLL_INTERVAL_MS = 1_000;
export const SLOW_POLL_INTERVAL_MS = 10_000;
/** After this, a hint: the payment may still be waiting in the Vipps app. */
export const HINT_AFTER_MS = 30_000;
/** After this, "we are still checking, this page will update", and slower polling. */
export const STILL_CHECKING_AFTER_MS = 120_000;

export type WaitingStage = 'checking' | 'hint' | 'still_checking';

export function waitingStage(elapsedMs: number): WaitingStage {
  if (elapsedMs >= STILL_CHECKING_AFTER_MS) return 'still_checking';
  if (elapsedMs >= HINT_AFTER_MS) return 'hint';
  return 'checking';
}

/** A paid payment whose shared profile the shop is still reading from Vipps: a few more, slower polls. */
export const PROFILE_POLL_INTERVAL_MS = 2_000;
export const PROFILE_WAIT_MS = 60_000;

/**
 * SWR's refreshInterval: 0 (stop) once the answer is final — unless the shopper shared a profile the server has not
 * read yet (another instance or a webhook is fetching it): then a little longer, so the greeting appears.
 */
export function pollInterval(status: PaymentStatusResponse | undefined, elapsedMs: number): number {
  if (status?.final && status.shopper?.status === 'pending' && elapsedMs < PROFILE_WAIT_MS) {
    return PROFILE_POLL_INTERVAL_MS;
  }
  if (status?.final) return 0;
  return elapsedMs >= STILL_CHECKING_AFTER_MS ? SLOW_POLL_INTERVAL_MS : POLL_INTERVAL_MS;
}

/** "1:05" for the elapsed-time line; whole seconds, so it changes once a second. */
export function formatElapsed(elapsedMs: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
