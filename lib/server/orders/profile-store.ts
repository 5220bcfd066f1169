// The statements of profile sharing (ADR 0026). Every change of a profile's `status` is one conditional UPDATE,
// so the database alone decides who calls Vipps: two instances, a webhook, a poll and the reconciler can all try,
// and exactly one claim wins until it has finished or its `claimed_until` has passed (a crashed claimer).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { paymentProfiles, type StoredClaims } from '../db/schema';
import { MAX_PROFILE_ATTEMPTS, profileBackoffSeconds } from './profile-claims';

/**
 * - `waiting`: asked for; the payment is not authorized yet, or its `sub` is not known yet.
 * - `claimed`: one request is calling the Userinfo API now (until `claimed_until`).
 * - `fetched`: the claims are stored. `retrying`: the last call failed; due again at `next_attempt_at`.
 * - `failed`: given up (404 "no longer served", or MAX_PROFILE_ATTEMPTS). `erased`: retention removed the data.
 */
export type ProfileStatus = 'waiting' | 'claimed' | 'fetched' | 'retrying' | 'failed' | 'erased';

/** Longer than one client call may take (VIPPS_RETRY_DEADLINE_MS, 30 s by default), so a live claim outlives it. */
export const PROFILE_CLAIM_SECONDS = 45;

/** A claim may be taken: nobody holds one, a failed try is due again, or the holder's time ran out. */
export const claimableProfile = sql`(${paymentProfiles.sub} is not null and (
  ${paymentProfiles.status} = 'waiting'
  or (${paymentProfiles.status} = 'retrying' and coalesce(${paymentProfiles.nextAttemptAt} <= now(), true))
  or (${paymentProfiles.status} = 'claimed' and ${paymentProfiles.claimedUntil} < now())))`;

/** Keeps the `sub` of an AUTHORIZED payment that asked for a profile (a no-op for any other payment). */
export async function recordSub(db: Db, reference: string, sub: string): Promise<void> {
  await db
    .update(paymentProfiles)
    .set({ sub, updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentProfiles.reference, reference),
        sql`${paymentProfiles.sub} is null and ${paymentProfiles.status} in ('waiting', 'retrying')`,
      ),
    );
}

/** Claims the userinfo call of one payment's profile; answers the `sub` to fetch, or undefined if someone else may. */
export async function claimProfileFetch(
  db: Db,
  reference: string,
): Promise<{ sub: string; attempts: number } | undefined> {
  const [claimed] = await db
    .update(paymentProfiles)
    .set({
      status: 'claimed',
      claimedUntil: sql`now() + make_interval(secs => ${PROFILE_CLAIM_SECONDS})`,
      attempts: sql`${paymentProfiles.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(paymentProfiles.reference, reference), claimableProfile))
    .returning({ sub: paymentProfiles.sub, attempts: paymentProfiles.attempts });
  return claimed?.sub ? { sub: claimed.sub, attempts: claimed.attempts } : undefined;
}

/** Stores the claims; only while our claim stands (retention may have erased the row meanwhile). */
export async function storeFetchedProfile(db: Db, reference: string, claims: StoredClaims): Promise<void> {
  await db
    .update(paymentProfiles)
    .set({
      status: 'fetched',
      claims,
      emailSearch: claims.email?.toLowerCase() ?? null,
      fetchedAt: sql`now()`,
      claimedUntil: null,
      nextAttemptAt: null,
      lastError: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(paymentProfiles.reference, reference), eq(paymentProfiles.status, 'claimed')));
}

/** A failed try: `retrying` with a backoff, or `failed` when Vipps will not serve it or the attempts are used up. */
export async function storeProfileFailure(
  db: Db,
  reference: string,
  failure: { attempts: number; lastError: string; final: boolean },
): Promise<ProfileStatus> {
  const status: ProfileStatus = failure.final || failure.attempts >= MAX_PROFILE_ATTEMPTS ? 'failed' : 'retrying';
  await db
    .update(paymentProfiles)
    .set({
      status,
      lastError: failure.lastError,
      claimedUntil: null,
      nextAttemptAt:
        status === 'retrying' ? sql`now() + make_interval(secs => ${profileBackoffSeconds(failure.attempts)})` : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(paymentProfiles.reference, reference), eq(paymentProfiles.status, 'claimed')));
  return status;
}
