// Fetching a shared profile exactly once (ADR 0026). Every signal that reads the payment from Vipps (the return
// page's poll, a webhook, the reconciler) ends in `syncPayment`, which applies the payment first and then hands the
// read to `profileAfterRead`: it keeps the `sub` and, if its claim wins, calls the Userinfo API. Nothing here can
// fail the payment's processing: every error becomes the profile's `retrying`/`failed` state and a log line
// without personal data.
import { and, asc, eq, lte, or, sql, isNull } from 'drizzle-orm';
import { paymentProfiles, payments } from '../db/schema';
import type { GetPaymentResponse, ModificationResponse } from '../vipps/types';
import type { OrdersDeps } from './deps';
import { claimsFromUserinfo, describeProfileFailure, isNoLongerServed, MAX_PROFILE_ATTEMPTS } from './profile-claims';
import {
  claimableProfile,
  claimProfileFetch,
  recordSub,
  storeFetchedProfile,
  storeProfileFailure,
} from './profile-store';

/** How long a signal waits for the fetch it started (the return page greets at once); the fetch goes on after. */
export const PROFILE_WAIT_MS = 5_000;

/** Resolves when `work` does or after `ms`, whichever is first; `work` must never reject. */
export async function waitAtMost(work: Promise<unknown>, ms = PROFILE_WAIT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * After a read of the payment: an AUTHORIZED payment carries `profile.sub` only if it asked for a profile
 * (BRIEF §4.3), so payments without one cost nothing here. Never rejects.
 */
export async function profileAfterRead(
  deps: OrdersDeps,
  reference: string,
  read: GetPaymentResponse | ModificationResponse,
): Promise<void> {
  const sub = 'profile' in read ? read.profile.sub : undefined;
  if (read.state !== 'AUTHORIZED' || !sub) return;
  try {
    await recordSub(deps.db, reference, sub);
  } catch (error) {
    deps.log.warn({ reference, reason: describeProfileFailure(error) }, 'could not keep the profile sub');
    return;
  }
  await fetchProfileOnce(deps, reference);
}

/**
 * Calls the Userinfo API for one payment's profile if this caller wins the claim, and stores what it answers.
 * Answers whether it made the call. Never rejects; no claim, body or Vipps message is logged.
 */
export async function fetchProfileOnce(deps: OrdersDeps, reference: string): Promise<boolean> {
  let claim: Awaited<ReturnType<typeof claimProfileFetch>>;
  try {
    claim = await claimProfileFetch(deps.db, reference);
  } catch (error) {
    deps.log.warn({ reference, reason: describeProfileFailure(error) }, 'could not claim the profile fetch');
    return false;
  }
  if (!claim) return false;
  try {
    const info = await deps.vipps.getUserinfo(claim.sub, { reference });
    await storeFetchedProfile(deps.db, reference, claimsFromUserinfo(info));
    deps.log.info({ reference, attempts: claim.attempts }, 'shared profile fetched from Vipps');
  } catch (error) {
    const lastError = describeProfileFailure(error);
    try {
      const status = await storeProfileFailure(deps.db, reference, {
        attempts: claim.attempts,
        lastError,
        final: isNoLongerServed(error),
      });
      deps.log.warn({ reference, attempts: claim.attempts, status, reason: lastError }, 'profile fetch failed');
    } catch (storeError) {
      // The claim runs out by itself; the reconciler then tries again.
      deps.log.warn(
        { reference, reason: lastError, storeReason: describeProfileFailure(storeError) },
        'profile fetch failed',
      );
    }
  }
  return true;
}

/** What one reconciler sweep did for profiles (counted in SweepResult). */
export interface ProfileSweep {
  /** Userinfo calls made (successful or not). */
  fetched: number;
  /** Payments read again because they are AUTHORIZED but we never got their `sub`. */
  reread: number;
}

/**
 * The reconciler's part: profiles whose fetch is due again (`retrying` past its backoff, a claim that ran out, a
 * `sub` kept but never fetched), and profiles of AUTHORIZED payments whose `sub` we never got (one GET payment,
 * itself claimed and backed off like a fetch). At most `batchSize` of each per sweep.
 */
export async function sweepProfiles(
  deps: OrdersDeps,
  options: { batchSize: number; minAgeSeconds: number; syncPayment: (reference: string) => Promise<unknown> },
): Promise<ProfileSweep> {
  const result: ProfileSweep = { fetched: 0, reread: 0 };
  const due = await deps.db
    .select({ reference: paymentProfiles.reference })
    .from(paymentProfiles)
    .where(claimableProfile)
    .orderBy(asc(paymentProfiles.updatedAt))
    .limit(options.batchSize);
  for (const { reference } of due) if (await fetchProfileOnce(deps, reference)) result.fetched++;

  const withoutSub = await deps.db
    .select({ reference: paymentProfiles.reference })
    .from(paymentProfiles)
    .innerJoin(payments, eq(payments.reference, paymentProfiles.reference))
    .where(
      and(
        eq(paymentProfiles.status, 'waiting'),
        isNull(paymentProfiles.sub),
        eq(payments.vippsState, 'AUTHORIZED'),
        or(isNull(paymentProfiles.nextAttemptAt), lte(paymentProfiles.nextAttemptAt, sql`now()`)),
        sql`${paymentProfiles.updatedAt} < now() - make_interval(secs => ${options.minAgeSeconds})`,
      ),
    )
    .limit(options.batchSize);
  for (const { reference } of withoutSub) {
    if (!(await claimReread(deps, reference))) continue;
    result.reread++;
    try {
      // syncPayment keeps the sub and fetches the profile (profileAfterRead) if Vipps gives it now.
      await options.syncPayment(reference);
    } catch (error) {
      deps.log.warn({ reference, reason: describeProfileFailure(error) }, 'could not read the payment for its profile');
    }
  }
  return result;
}

/** One GET payment per backoff step for a missing `sub`; after MAX_PROFILE_ATTEMPTS reads the profile is given up. */
async function claimReread(deps: OrdersDeps, reference: string): Promise<boolean> {
  const [claimed] = await deps.db
    .update(paymentProfiles)
    .set({
      attempts: sql`${paymentProfiles.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => least(3600, 30 * power(2, ${paymentProfiles.attempts})))`,
      status: sql`case when ${paymentProfiles.attempts} >= ${MAX_PROFILE_ATTEMPTS} then 'failed' else 'waiting' end`,
      lastError: sql`case when ${paymentProfiles.attempts} >= ${MAX_PROFILE_ATTEMPTS}
        then 'Vipps never gave the shopper''s sub for this payment' else ${paymentProfiles.lastError} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(paymentProfiles.reference, reference),
        eq(paymentProfiles.status, 'waiting'),
        isNull(paymentProfiles.sub),
        or(isNull(paymentProfiles.nextAttemptAt), lte(paymentProfiles.nextAttemptAt, sql`now()`)),
      ),
    )
    .returning({ status: paymentProfiles.status });
  return claimed?.status === 'waiting';
}
