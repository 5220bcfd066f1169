// Caches the access token until shortly before it expires, and makes sure concurrent callers share one
// token request (single-flight). BRIEF §2: lifetime is 1 h in test and 24 h in production, so it is read
// from `expires_in` / `expires_on` (strings) rather than hard-coded; several valid tokens may coexist, so
// refreshing early is harmless.
import { createBrand } from '../../brand';
import type { TokenResponse } from './response-schemas';

/** Refresh this long before expiry, but never more than half the lifetime (short-lived test tokens). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface CachedToken {
  accessToken: string;
  /** Epoch ms after which we no longer use the token. */
  refreshAtMs: number;
}

/**
 * When to stop using a token. `expires_in` is relative, so it is immune to clock skew between us and
 * Vipps; `expires_on` (absolute epoch seconds) is the fallback. Returns undefined when neither is usable.
 */
export function tokenRefreshAtMs(token: TokenResponse, nowMs: number): number | undefined {
  let lifetimeMs: number | undefined;
  const expiresIn = Number(token.expires_in);
  if (token.expires_in !== undefined && Number.isFinite(expiresIn) && expiresIn > 0) {
    lifetimeMs = expiresIn * 1000;
  } else if (token.expires_on !== undefined) {
    const expiresOnMs = Number(token.expires_on) * 1000;
    if (Number.isFinite(expiresOnMs) && expiresOnMs > nowMs) lifetimeMs = expiresOnMs - nowMs;
  }
  if (lifetimeMs === undefined) return undefined;
  return nowMs + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
}

const TOKEN_WAIT_EXPIRED = createBrand('vipps-token-wait-expired');

/** Recognises a TokenWaitExpiredError from any copy of this module (lib/brand.ts says why not instanceof). */
export const isTokenWaitExpired = (error: unknown): error is TokenWaitExpiredError => TOKEN_WAIT_EXPIRED.isOn(error);

/**
 * The caller's own deadline passed while it waited for the shared token fetch. The fetch itself carries on
 * for the other waiters and fills the cache; only this caller stops waiting.
 */
export class TokenWaitExpiredError extends Error {
  constructor() {
    super('deadline reached while waiting for an access token');
    this.name = 'TokenWaitExpiredError';
    TOKEN_WAIT_EXPIRED.mark(this);
  }
}

export interface TokenCache {
  /**
   * A valid token: cached, or fetched once for all concurrent callers. `waitUntilMs` (epoch ms) is the
   * caller's overall deadline: the caller stops waiting then, with `TokenWaitExpiredError`, even though the
   * shared fetch (which runs on its own budget) may still be in progress for callers with later deadlines.
   */
  get(waitUntilMs?: number): Promise<string>;
  /**
   * Drops `token` after Vipps answered 401 with it. Only that token: if another caller already replaced
   * it, the newer one is kept, so a burst of 401s causes one refresh, not one each.
   */
  invalidate(token: string): void;
}

export function createTokenCache(deps: { fetchToken: () => Promise<CachedToken>; now: () => number }): TokenCache {
  let cached: (CachedToken & { storedAtMs: number }) | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  // A clock that went backwards (NTP step, VM resume) makes the token look younger than it is, possibly
  // past its real expiry: then the age is unknown, so fetch a new one. A forward jump only refreshes early.
  const usable = (token: typeof cached, now: number): token is NonNullable<typeof cached> =>
    token !== undefined && token.storedAtMs <= now && now < token.refreshAtMs;

  return {
    async get(waitUntilMs) {
      if (usable(cached, deps.now())) return cached.accessToken;
      inFlight ??= deps.fetchToken().then(
        (fresh) => {
          cached = { ...fresh, storedAtMs: deps.now() };
          inFlight = undefined;
          return fresh;
        },
        (error: unknown) => {
          // Do not cache failures: the next caller tries again.
          inFlight = undefined;
          throw error;
        },
      );
      if (waitUntilMs === undefined) return (await inFlight).accessToken;
      return (await waitAtMost(inFlight, waitUntilMs - deps.now())).accessToken;
    },
    invalidate(token) {
      if (cached?.accessToken === token) cached = undefined;
    },
  };
}

/**
 * Settles like `promise`, or rejects with `TokenWaitExpiredError` after `ms`. A real timer, like the
 * per-attempt `AbortSignal.timeout` in attempt.ts: deadlines are wall-clock budgets.
 */
function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (ms <= 0) return Promise.reject(new TokenWaitExpiredError());
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TokenWaitExpiredError()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
