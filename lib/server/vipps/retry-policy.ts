// When and how long to wait before retrying a Vipps call. Pure functions, so every branch is unit-tested.
// BRIEF §3/§7: 423 (locked), 429 (rate limit) and 5xx are retried **with the same Idempotency-Key**;
// other 4xx are final ("A 4xx response stays 4xx for that key").

export interface RetryPolicy {
  /** Hard cap on attempts, in addition to the time deadline. */
  maxAttempts: number;
  /** First backoff step; doubles per attempt. */
  baseDelayMs: number;
  /** Largest backoff step before jitter. */
  maxDelayMs: number;
  /** A `Retry-After` larger than this is capped, so one header cannot stall a checkout. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
};

/**
 * - `idempotent`: the request carries an Idempotency-Key, or is a read/delete, so resending is safe.
 * - `only-if-unprocessed`: no idempotency (webhook registration); retry only answers that prove the request
 *   was not processed (429), because a resent POST after a 5xx/timeout could register twice.
 */
export type RetryMode = 'idempotent' | 'only-if-unprocessed';

export function isRetryableStatus(status: number, mode: RetryMode): boolean {
  if (status === 429) return true;
  if (mode === 'only-if-unprocessed') return false;
  return status === 423 || (status >= 500 && status <= 599);
}

/** Network errors and timeouts may have reached Vipps; only idempotent requests may be resent. */
export function isRetryableFailure(mode: RetryMode): boolean {
  return mode === 'idempotent';
}

/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns milliseconds to wait,
 * or undefined when the header is absent or unparseable.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP-date forms start with a day name. `Date.parse` alone is lenient: it reads '-5' or '1.5'
  // as dates in 2001, which would turn garbage into "retry now".
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so concurrent clients
 * spread out but never retry instantly. `attempt` is the attempt that just failed (1-based).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * The wait before the next attempt: at least the server's `Retry-After` (capped), and never less than our
 * own jittered backoff, so `Retry-After: 0` (or a past date) cannot make every client retry at once.
 */
export function nextDelayMs(input: {
  attempt: number;
  retryAfter?: string | null;
  nowMs: number;
  policy: RetryPolicy;
  random: () => number;
}): number {
  const fromServer = parseRetryAfterMs(input.retryAfter, input.nowMs);
  const backoff = backoffDelayMs(input.attempt, input.policy, input.random);
  if (fromServer === undefined) return backoff;
  return Math.max(backoff, Math.min(fromServer, input.policy.maxRetryAfterMs));
}
