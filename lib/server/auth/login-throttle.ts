import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';

/**
 * Growing delays for sign-in attempts, counted in the database so that every app instance shares them.
 *
 * Each attempt is counted *before* the password is checked, in one conditional upsert: while a key is blocked
 * the upsert changes nothing and the attempt is refused, so a burst of parallel guesses cannot slip through
 * between a read and a write. A successful sign-in clears the account's and the address's counts.
 *
 * - `address`: the client address. Long delays are fine: they only slow down whoever sits at that address.
 * - `account`: the e-mail typed in. Delays are capped at a minute, so an attacker guessing at a staff member's
 *   account can slow that account down but never lock its owner out for long…
 * - `device`: …and a browser that has signed in to that account before (a signed device cookie) is counted
 *   on its own key instead of the account's, so the owner is not slowed down by someone else's guesses
 *   (OWASP "device cookies").
 */
export type ThrottleScope = 'address' | 'account' | 'device';

export interface ThrottleRule {
  /** Attempts allowed in a row before delays start. */
  freeAttempts: number;
  /** Delays double from one second up to this. */
  maxDelaySeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  address: { freeAttempts: 10, maxDelaySeconds: 15 * 60 },
  account: { freeAttempts: 5, maxDelaySeconds: 60 },
  device: { freeAttempts: 5, maxDelaySeconds: 15 * 60 },
};

/** Counts start again after this long without an attempt on the key. */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

export interface ThrottleKey {
  scope: ThrottleScope;
  id: string;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The delay after the `attempts`-th attempt in a row (0 while attempts are free). */
export function delayAfter(attempts: number, rule: ThrottleRule): number {
  if (attempts <= rule.freeAttempts) return 0;
  return Math.min(2 ** Math.min(attempts - rule.freeAttempts - 1, 30), rule.maxDelaySeconds);
}

const storageKey = (key: ThrottleKey) => `${key.scope}:${key.id}`;

async function countAttempt(db: Db, key: ThrottleKey, now: Date): Promise<AttemptVerdict> {
  const rule = THROTTLE_RULES[key.scope];
  const at = now.toISOString();
  const fresh = sql`case when login_throttle.last_attempt_at < ${at}::timestamptz - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) then 1 else login_throttle.attempts + 1 end`;
  // A free attempt leaves no block at all ('-infinity'), not one that ends at its own time: each instance stamps
  // attempts with its own clock, so the next attempt may carry an earlier time and must not be refused for it.
  const blockedUntil = (attempts: typeof fresh) =>
    sql`case when ${attempts} > ${rule.freeAttempts} then ${at}::timestamptz + make_interval(secs => least(${rule.maxDelaySeconds}, power(2, least(${attempts} - ${rule.freeAttempts} - 1, 30)))) else '-infinity'::timestamptz end`;
  const counted = await queryRows<{ attempts: number }>(
    db,
    sql`
    insert into login_throttle (key, attempts, last_attempt_at, blocked_until)
    values (${storageKey(key)}, 1, ${at}::timestamptz, ${blockedUntil(sql`1`)})
    on conflict (key) do update set
      attempts = ${fresh},
      last_attempt_at = greatest(login_throttle.last_attempt_at, ${at}::timestamptz),
      blocked_until = ${blockedUntil(fresh)}
    where login_throttle.blocked_until <= ${at}::timestamptz
    returning attempts`,
  );
  if (counted.length > 0) return { allowed: true };
  const blocked = await queryRows<{ seconds: number | string }>(
    db,
    sql`
    select extract(epoch from blocked_until - ${at}::timestamptz) as seconds
    from login_throttle where key = ${storageKey(key)}`,
  );
  const seconds = Number(blocked[0]?.seconds ?? 1);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
}

/**
 * Counts one sign-in attempt against every key, in order, and refuses it if any key is blocked. Keys after a
 * blocked one are not counted, so a refused attempt never lengthens another key's delay.
 */
export async function countSignInAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<AttemptVerdict> {
  for (const key of keys) {
    const verdict = await countAttempt(db, key, now);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

export async function clearSignInAttempts(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) await db.execute(sql`delete from login_throttle where key = ${storageKey(key)}`);
}
