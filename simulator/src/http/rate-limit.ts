/**
 * Vipps' documented rate limits (BRIEF §4 "Rate limits"), on the virtual clock so a test can wait a minute by
 * advancing it: create, capture, cancel and refund at most 5 per minute per reference and MSN; get payment and
 * get events at most 120 per minute per reference and subscription key. Each operation has its own budget. An
 * excess call gets the API gateway's 429 (Azure API Management shape, BRIEF §7) with `Retry-After` in seconds,
 * and is not counted. Sliding window: a call is allowed when fewer than `limit` calls were let through in the
 * last 60 s. `SIM_RATE_LIMITS=off` or `POST /_sim/rate-limits {"enabled": false}` switches them off for load tests.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { trimOldest } from '../bounded';
import { tooManyRequests } from './auth';
import type { SimEnv } from './sim-env';

export const RATE_LIMITED_OPERATIONS = {
  create: { limit: 5, per: 'msn' },
  capture: { limit: 5, per: 'msn' },
  cancel: { limit: 5, per: 'msn' },
  refund: { limit: 5, per: 'msn' },
  get: { limit: 120, per: 'subscription-key' },
  events: { limit: 120, per: 'subscription-key' },
} as const;
export type RateLimitedOperation = keyof typeof RATE_LIMITED_OPERATIONS;

const WINDOW_MS = 60_000;
/** Distinct (operation, reference, caller) windows remembered; idle ones go first. */
const MAX_WINDOWS = 20_000;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly nowMs: () => number,
    public enabled: boolean,
  ) {}

  /** Counts a call and returns null, or returns the seconds to wait (the call is then not counted). */
  hit(key: string, limit: number): number | null {
    if (!this.enabled) return null;
    const now = this.nowMs();
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    this.windows.delete(key); // re-inserted below: the map's order is least recently used first
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.windows.set(key, recent);
    trimOldest(this.windows, MAX_WINDOWS, { prefer: (hits) => (hits.at(-1) ?? 0) <= now - WINDOW_MS });
    return null;
  }

  clear(): void {
    this.windows.clear();
  }
}

/**
 * Middleware for one operation. `referenceOf` finds the payment reference (path or create body); a call without
 * one is left to the route's own validation.
 */
export function rateLimit(
  limiter: RateLimiter,
  operation: RateLimitedOperation,
  referenceOf: (c: Context<SimEnv>) => Promise<string | undefined>,
): MiddlewareHandler<SimEnv> {
  const { limit, per } = RATE_LIMITED_OPERATIONS[operation];
  return async (c, next) => {
    const reference = await referenceOf(c);
    if (reference === undefined || reference === '') return next();
    const caller = per === 'msn' ? `msn:${c.get('msn')}` : `key:${c.req.header('Ocp-Apim-Subscription-Key') ?? ''}`;
    const waitSeconds = limiter.hit(`${operation}|${caller}|${reference}`, limit);
    return waitSeconds === null ? next() : tooManyRequests(c, waitSeconds);
  };
}
