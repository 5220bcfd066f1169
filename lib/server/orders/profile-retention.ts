// Shared profiles are kept only PROFILE_RETENTION_DAYS after their order settled (ADR 0026), then erased by the
// periodic retention (boot/retention.ts): the claims, the e-mail index entry and the `sub` go; the row stays
// (`erased`, `erased_at`) and so do the order, its lines, its payments and every operation — the money history.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';

/**
 * When the order (given by an SQL expression for its id) settled, or null while it has not. Settled: no attempt is
 * still open at Vipps (CREATED), none holds reserved money (AUTHORIZED with authorized − captured − cancelled > 0),
 * and no operation is pending or of unknown outcome. Its time is the order's last money change: the newest payment
 * update or operation. A later refund moves it, so the data stays while money still moves.
 */
export function orderSettledAt(orderId: SQL): SQL {
  return sql`(select case when
      not exists (select 1 from payments sp where sp.order_id = ${orderId}
        and (sp.vipps_state = 'CREATED'
          or (sp.vipps_state = 'AUTHORIZED' and sp.authorized_ore - sp.captured_ore - sp.cancelled_ore > 0)))
      and not exists (select 1 from payment_operations sop join payments sp on sp.reference = sop.reference
        where sp.order_id = ${orderId} and sop.status in ('pending', 'unknown'))
    then greatest(
      (select max(sp.updated_at) from payments sp where sp.order_id = ${orderId}),
      (select max(coalesce(sop.completed_at, sop.created_at)) from payment_operations sop
        join payments sp on sp.reference = sop.reference where sp.order_id = ${orderId}))
    end)`;
}

/** When retention will erase a profile of an order settled at `settledAt`; null while the order is not settled. */
export function eraseAfterFor(settledAt: Date | string | null, retentionDays: number): Date | null {
  if (settledAt === null) return null;
  return new Date(new Date(settledAt).getTime() + retentionDays * 86_400_000);
}

/**
 * Erases every profile still holding data (claims or a `sub`) whose order settled more than `retentionDays`
 * before `now`. Answers how many. `now` is the clock, so tests can move it.
 */
export async function eraseSharedProfiles(db: Db, options: { retentionDays: number; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`with erased as (
      update payment_profiles set claims = null, email_search = null, sub = null, status = 'erased',
        erased_at = ${now.toISOString()}::timestamptz, claimed_until = null, next_attempt_at = null, updated_at = now()
      where reference in (
        select pp.reference from payment_profiles pp join payments pay on pay.reference = pp.reference
        where pp.status <> 'erased' and (pp.claims is not null or pp.sub is not null)
          and ${orderSettledAt(sql`pay.order_id`)} < ${cutoff}::timestamptz)
      returning 1)
    select count(*) as n from erased`,
  );
  return Number(row?.n ?? 0);
}
