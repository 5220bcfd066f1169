import Link from 'next/link';
import { ADMIN_STATUS_FILTERS, STATUS_LABELS, type AdminStatusFilter, type ReservationFilter } from '@/lib/admin-api';

interface OrderFiltersProps {
  status?: AdminStatusFilter;
  q?: string;
  /** Kept through a new search; removed with its chip (ReservationChip). */
  reservation?: ReservationFilter;
}

/** A plain GET form: filtering and searching work without JavaScript, and the URL can be shared. */
export function OrderFilters({ status, q, reservation }: OrderFiltersProps) {
  return (
    <form
      method="get"
      action="/admin/orders"
      role="search"
      aria-label="Filter orders"
      className="mb-4 flex flex-wrap items-start gap-3 rounded-lg border border-shop-line bg-white p-4"
    >
      {reservation && <input type="hidden" name="reservation" value={reservation} />}
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className="text-sm font-medium">
          Status
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={status ?? ''}
          className="rounded-md border border-gray-400 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">All statuses</option>
          {ADMIN_STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          Search
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={q ?? ''}
          maxLength={100}
          aria-describedby="filter-q-hint"
          className="w-full rounded-md border border-gray-400 px-2 py-1.5 text-sm"
        />
        <p id="filter-q-hint" className="text-xs text-shop-muted">
          Order number, payment reference, phone number or shared e-mail
        </p>
      </div>
      {/* Below the labels' height, so the button lines up with the fields whatever wraps. */}
      <div className="mt-6 flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-shop-ink px-4 py-1.5 text-sm font-semibold text-white hover:bg-black"
        >
          Show orders
        </button>
        {(status || q || reservation) && (
          <Link href="/admin/orders" className="text-sm underline underline-offset-4">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
