import Link from 'next/link';
import type { DashboardFigures } from '@/lib/admin-reports';
import { formatOre } from '@/lib/money';

interface Tile {
  id: string;
  label: string;
  value: string;
  note?: string;
  href?: string;
  /** Needs someone to act: drawn with a thick border and a "look at it" word, not by colour alone. */
  alert?: boolean;
}

function tilesOf(f: DashboardFigures): Tile[] {
  const kr = (ore: number) => formatOre(ore, f.currency);
  const stale = f.staleReservations;
  return [
    { id: 'takings-today', label: 'Takings today', value: kr(f.takings.todayOre), note: 'captured minus refunded' },
    { id: 'takings-7', label: 'Last 7 days', value: kr(f.takings.last7DaysOre), note: 'captured minus refunded' },
    { id: 'takings-30', label: 'Last 30 days', value: kr(f.takings.last30DaysOre), note: 'captured minus refunded' },
    {
      id: 'reserved',
      label: 'Reserved, not captured',
      value: kr(f.reserved.amountOre),
      note: `${f.reserved.payments} payment${f.reserved.payments === 1 ? '' : 's'}`,
      href: '/admin/orders?reservation=open',
    },
    {
      id: 'stale',
      label: `Reserved over ${stale.staleAfterDays} days`,
      value: kr(stale.amountOre),
      note: `${stale.payments} payment${stale.payments === 1 ? '' : 's'} — capture or cancel before the reservation lapses`,
      href: '/admin/orders?reservation=stale',
      alert: stale.payments > 0,
    },
    {
      id: 'attention',
      label: 'Need attention',
      value: String(f.needsAttention),
      note: 'orders where something does not add up',
      href: '/admin/orders?status=needs_attention',
      alert: f.needsAttention > 0,
    },
    {
      id: 'unknown',
      label: 'Outcome unknown',
      value: String(f.outcomeUnknown),
      note: 'orders with an operation to check with Vipps',
      href: '/admin/orders?status=outcome_unknown',
      alert: f.outcomeUnknown > 0,
    },
  ];
}

export function DashboardTiles({ figures }: { figures: DashboardFigures }) {
  return (
    <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Key figures">
      {tilesOf(figures).map((tile) => {
        const body = (
          <>
            <span className="text-sm text-shop-muted">
              {tile.label}
              {tile.alert && <span className="ml-1 font-semibold text-shop-ink">· look at it</span>}
            </span>
            <span className="text-xl font-bold tabular-nums sm:text-2xl" data-testid={`tile-${tile.id}`}>
              {tile.value}
            </span>
            {tile.note && <span className="text-sm text-shop-muted">{tile.note}</span>}
          </>
        );
        const frame = `flex h-full flex-col gap-1 rounded-lg bg-white p-4 ${tile.alert ? 'border-4 border-shop-ink' : 'border border-shop-line'}`;
        return (
          <li key={tile.id}>
            {tile.href ? (
              <Link href={tile.href} className={`${frame} hover:bg-shop-surface`}>
                {body}
              </Link>
            ) : (
              <div className={frame}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
