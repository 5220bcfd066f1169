import Link from 'next/link';
import type { ReservationFilter } from '@/lib/admin-api';

interface ReservationChipProps {
  filter: ReservationFilter;
  staleAfterDays: number;
  /** The same list without the reservation filter (status and search kept). */
  removeHref: string;
}

export function reservationLabel(filter: ReservationFilter, staleAfterDays: number): string {
  return filter === 'stale' ? `Reservations older than ${staleAfterDays} days` : 'Money still reserved';
}

/** The dashboard's reservation tiles land here: say which filter is on, and give a way to take it off. */
export function ReservationChip({ filter, staleAfterDays, removeHref }: ReservationChipProps) {
  const label = reservationLabel(filter, staleAfterDays);
  return (
    <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="reservation-filter">
      <span className="text-shop-muted">Showing only:</span>
      <span className="inline-flex items-center gap-2 rounded-full border border-shop-ink bg-white py-0.5 pl-3 pr-1 font-semibold">
        {label}
        <Link
          href={removeHref}
          aria-label={`Remove filter: ${label}`}
          className="rounded-full px-2 leading-6 hover:bg-shop-surface"
        >
          <span aria-hidden="true">×</span>
        </Link>
      </span>
    </p>
  );
}
