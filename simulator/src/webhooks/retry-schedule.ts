// Retry schedules: the delay before retry n+1 after failed attempt n. When the list is used up the
// delivery is given up ("abandoned"), as Vipps drops events after 7 days (BRIEF §8).

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const repeat = (ms: number, times: number): number[] => Array.from({ length: times }, () => ms);

/**
 * Vipps' schedule as documented (BRIEF §8, [newer]): about 2 s apart for the first attempts, then
 * 60 s, then 120 s, then hourly through attempt 29, then daily, dropped after 7 days. Approximate:
 * the exact numbers are not published. 35 retries, about 6 d 23 h in total.
 */
export const VIPPS_RETRY_DELAYS_MS: readonly number[] = [
  ...repeat(2 * S, 4),
  60 * S,
  120 * S,
  ...repeat(HOUR, 23),
  ...repeat(DAY, 6),
];

/**
 * The simulator's default: Vipps' shape, scaled down so that a local shop that was down for a few
 * minutes still gets its events, but a dead endpoint is given up in about 10 minutes instead of 7
 * days: 2 s ×4, 6 s, 12 s, then 60 s ×10 (the "hourly" phase; the "daily" phase is dropped).
 * Tests pass their own schedule and use `POST /_sim/webhooks/retry-now` instead of waiting.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [...repeat(2 * S, 4), 6 * S, 12 * S, ...repeat(MIN, 10)];

/** Vipps: no answer within 10 s is a failure (BRIEF §8). */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10 * S;
