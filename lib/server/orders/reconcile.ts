import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { paymentOperations, payments } from '../db/schema';
import { INSTANCE_ID } from '../runtime/instance';
import { takeLease } from '../runtime/lease';
import { ensurePaymentCreated } from './create-payment';
import type { OrdersDeps } from './deps';
import { SUCCEEDED } from './operations';
import { sweepProfiles } from './profile-fetch';
import { settleOperation } from './settle-operation';
import { STATUS_REFRESH_SECONDS, claimRefresh } from './status';
import { syncPayment } from './sync';

export const RECONCILER_LEASE = 'reconciler';

export interface ReconcileOptions {
  /** Leave payments alone that someone (a poll, a webhook) read from Vipps more recently than this. */
  minAgeSeconds: number;
  /** How long the lease is held; longer than one sweep takes. */
  leaseSeconds: number;
  batchSize: number;
  /**
   * A capture/refund/cancel still `pending` this long after it was written lost the request that was sending it
   * (the app stopped mid-call): longer than one call's whole retry budget, so no live request still owns it.
   */
  stalePendingSeconds: number;
  holder?: string;
}

export interface SweepResult {
  swept: boolean;
  synced: number;
  created: number;
  /** Capture/refund/cancel operations whose unknown outcome was settled from Vipps' event log. */
  settled: number;
  /** Create operations left pending although their payment has its landing page URL (see `repairCreates`). */
  repaired: number;
  failed: number;
  /** Shared profiles fetched again (userinfo calls) or whose payment was read again for its `sub` (ADR 0026). */
  profiles: number;
}

/**
 * One sweep of the reconciler: every payment that is not final and has not been read from Vipps for a while
 * is read now, and every create whose outcome is unknown (or was never sent, after a crash) is sent again with
 * its own Idempotency-Key, and every capture/refund/cancel whose outcome is unknown (or whose request died with the
 * app) is settled from Vipps' event log. So each payment reaches Vipps' state with no shopper on the page and no webhook —
 * also after a restart, since the work to do is found in the database. Only the lease holder sweeps.
 */
export async function reconcileOnce(deps: OrdersDeps, options: ReconcileOptions): Promise<SweepResult> {
  const result: SweepResult = {
    swept: false,
    synced: 0,
    created: 0,
    settled: 0,
    repaired: 0,
    failed: 0,
    profiles: 0,
  };
  if (!(await takeLease(deps.db, RECONCILER_LEASE, options.holder ?? INSTANCE_ID, options.leaseSeconds))) return result;
  result.swept = true;
  result.repaired = await repairCreates(deps);
  const stale = sql`(${payments.checkedAt} is null or ${payments.checkedAt} < now() - make_interval(secs => ${options.minAgeSeconds}))`;
  const oldEnough = sql`${payments.createdAt} < now() - make_interval(secs => ${options.minAgeSeconds})`;

  const unsent = await deps.db
    .select({ reference: payments.reference })
    .from(payments)
    .innerJoin(
      paymentOperations,
      and(eq(paymentOperations.reference, payments.reference), eq(paymentOperations.kind, 'create')),
    )
    .where(and(isNull(payments.redirectUrl), inArray(paymentOperations.status, ['pending', 'unknown']), oldEnough))
    .orderBy(asc(payments.createdAt))
    .limit(options.batchSize);
  const step = async (count: 'created' | 'synced' | 'settled', work: () => Promise<unknown>, what: object) => {
    try {
      await work();
      result[count]++;
    } catch (error) {
      result.failed++;
      deps.log.warn(
        { err: error, ...what },
        `reconciler: ${count === 'created' ? 'create still not confirmed' : 'could not finish'}`,
      );
    }
  };
  for (const { reference } of unsent) await step('created', () => ensurePaymentCreated(deps, reference), { reference });

  const open = await deps.db
    .select({ reference: payments.reference })
    .from(payments)
    .where(
      and(
        or(isNull(payments.vippsState), eq(payments.vippsState, 'CREATED')),
        sql`${payments.redirectUrl} is not null`,
        isNull(payments.attentionReason),
        stale,
      ),
    )
    .orderBy(asc(payments.checkedAt))
    .limit(options.batchSize);
  // The same claim as status polls take, so a poll and a sweep never both read a payment within 2 s.
  const claimSeconds = Math.max(STATUS_REFRESH_SECONDS, options.minAgeSeconds);
  for (const { reference } of open) {
    if (!(await claimRefresh(deps, reference, claimSeconds))) continue;
    await step('synced', () => syncPayment(deps, reference), { reference });
  }

  const unsettled = await deps.db
    .select({ id: paymentOperations.id })
    .from(paymentOperations)
    .where(
      and(
        inArray(paymentOperations.kind, ['capture', 'refund', 'cancel']),
        or(
          and(
            eq(paymentOperations.status, 'unknown'),
            sql`${paymentOperations.createdAt} < now() - make_interval(secs => ${options.minAgeSeconds})`,
          ),
          and(
            eq(paymentOperations.status, 'pending'),
            sql`${paymentOperations.createdAt} < now() - make_interval(secs => ${options.stalePendingSeconds})`,
          ),
        ),
      ),
    )
    .limit(options.batchSize);
  for (const { id } of unsettled) await step('settled', () => settleOperation(deps, id), { operationId: id });

  // Last, and never failing the sweep: profile work moves no money (profile-fetch.ts catches everything).
  const profiles = await sweepProfiles(deps, {
    batchSize: options.batchSize,
    minAgeSeconds: options.minAgeSeconds,
    syncPayment: (reference) => syncPayment(deps, reference),
  }).catch((error: unknown) => {
    deps.log.warn({ errorName: error instanceof Error ? error.name : 'error' }, 'reconciler: profile sweep failed');
    return { fetched: 0, reread: 0 };
  });
  result.profiles = profiles.fetched + profiles.reread;
  if (result.synced + result.created + result.settled + result.repaired + result.failed + result.profiles > 0)
    deps.log.info({ ...result }, 'reconciler sweep');
  return result;
}

/**
 * A payment with its landing page URL was created at Vipps: only a successful create answer writes that URL. Its
 * create operation is now marked succeeded in the statement that stores the URL (recordCreated), but before that
 * an app that stopped between the two writes left the operation pending for ever, since such a payment is never
 * sent again. Claims that have not run out belong to a live request, which will finish the job itself.
 */
async function repairCreates(deps: OrdersDeps): Promise<number> {
  const repaired = await deps.db
    .update(paymentOperations)
    .set({ ...SUCCEEDED, claimedUntil: null })
    .where(
      and(
        eq(paymentOperations.kind, 'create'),
        inArray(paymentOperations.status, ['pending', 'unknown']),
        sql`(${paymentOperations.claimedUntil} is null or ${paymentOperations.claimedUntil} < now())`,
        sql`exists (select 1 from ${payments} where ${payments.reference} = ${paymentOperations.reference}
          and ${payments.redirectUrl} is not null)`,
      ),
    )
    .returning({ id: paymentOperations.id });
  return repaired.length;
}
