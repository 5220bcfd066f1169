import 'server-only';
import { getDb } from '../db';
import { getEnv } from '../env';
import { clientAddress } from './client-address';
import { enforceRateLimit } from './rate-limit';

/**
 * Checkouts are anonymous, and each one is a payment created at Vipps: a flood is cut off per client address.
 * "Try again" on a failed payment creates one too, so it spends the same budget (one key for both).
 */
export const CHECKOUT_WINDOW_SECONDS = 60;

/** Throws a 429 `too_many_attempts` problem (with Retry-After) once this address has used its checkouts and retries. */
export async function limitCheckouts(headers: Headers): Promise<void> {
  const env = getEnv();
  const address = clientAddress(headers, env.TRUSTED_PROXY_COUNT);
  await enforceRateLimit(await getDb(), {
    key: `checkout:${address}`,
    limit: env.CHECKOUT_RATE_LIMIT_PER_MINUTE,
    windowSeconds: CHECKOUT_WINDOW_SECONDS,
    title: 'Too many checkouts from your address',
  });
}
