import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';
import type { DashboardFigures } from '@/lib/admin-reports';
import { SHOP_TIME_ZONE } from './date-range';

// The admin home's figures. Takings come from our ledger of succeeded captures and refunds
// (payment_operations), dated when Vipps confirmed them; reservations from the payments as last read from Vipps.

const num = (v: unknown) => Number(v ?? 0);

export async function dashboardFigures(
  db: Db,
  opts: { staleAfterDays: number; now?: Date },
): Promise<DashboardFigures> {
  const now = (opts.now ?? new Date()).toISOString();
  const today = sql`(${now}::timestamptz at time zone ${SHOP_TIME_ZONE})::date`;
  const daily = await queryRows<{ day: string; captured: string; refunded: string }>(
    db,
    sql`with days as (select generate_series(${today} - 29, ${today}, interval '1 day')::date as day),
        moves as (
          select (completed_at at time zone ${SHOP_TIME_ZONE})::date as day, kind, amount_ore
          from payment_operations
          where status = 'succeeded' and kind in ('capture', 'refund') and completed_at is not null
        )
        select to_char(d.day, 'YYYY-MM-DD') as day,
               coalesce(sum(m.amount_ore) filter (where m.kind = 'capture'), 0) as captured,
               coalesce(sum(m.amount_ore) filter (where m.kind = 'refund'), 0) as refunded
        from days d left join moves m on m.day = d.day
        group by d.day order by d.day`,
  );
  const days = daily.map((d) => ({ day: d.day, capturedOre: num(d.captured), refundedOre: num(d.refunded) }));
  const net = (n: number) => days.slice(-n).reduce((sum, d) => sum + d.capturedOre - d.refundedOre, 0);

  const [reserved] = await queryRows<Record<string, string>>(
    db,
    sql`select count(*) as payments, coalesce(sum(open), 0) as amount,
               count(*) filter (where authorized_at < ${now}::timestamptz - make_interval(days => ${opts.staleAfterDays})) as stale,
               coalesce(sum(open) filter (where authorized_at < ${now}::timestamptz - make_interval(days => ${opts.staleAfterDays})), 0) as stale_amount
        from (select authorized_ore - captured_ore - cancelled_ore as open, authorized_at from payments
              where vipps_state = 'AUTHORIZED') p
        where open > 0`,
  );
  const [attention] = await queryRows<Record<string, string>>(
    db,
    sql`select (select count(*) from orders where status = 'needs_attention') as needs_attention,
               (select count(distinct p.order_id) from payment_operations op join payments p on p.reference = op.reference
                where op.status = 'unknown') as outcome_unknown`,
  );
  return {
    currency: 'NOK',
    takings: { todayOre: net(1), last7DaysOre: net(7), last30DaysOre: net(30) },
    reserved: { payments: num(reserved?.payments), amountOre: num(reserved?.amount) },
    staleReservations: {
      payments: num(reserved?.stale),
      amountOre: num(reserved?.stale_amount),
      staleAfterDays: opts.staleAfterDays,
    },
    needsAttention: num(attention?.needs_attention),
    outcomeUnknown: num(attention?.outcome_unknown),
    daily: days.slice(-14),
  };
}
