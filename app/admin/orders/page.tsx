import type { Metadata } from 'next';
import { BadQueryNotice } from '@/components/admin/BadQueryNotice';
import { ExportForm } from '@/components/admin/ExportForm';
import { OrderFilters } from '@/components/admin/OrderFilters';
import { OrdersTable } from '@/components/admin/OrdersTable';
import { Pager } from '@/components/admin/Pager';
import { ReservationChip, reservationLabel } from '@/components/admin/ReservationChip';
import { statusLabel } from '@/components/admin/StatusBadge';
import { orderListQuerySchema, type OrderListQuery } from '@/lib/admin-api';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { getEnv } from '@/lib/server/env';
import { parsePageSearchParams } from '@/lib/server/http/route-input';
import { adminListOrders } from '@/lib/server/orders';
import { lastDaysRange } from '@/lib/server/reports/date-range';

export const metadata: Metadata = { title: 'Orders' };
export const dynamic = 'force-dynamic';

function hrefFor(query: OrderListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.q) params.set('q', query.q);
  if (query.reservation) params.set('reservation', query.reservation);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/orders?${search}` : '/admin/orders';
}

export default async function OrdersPage({ searchParams }: PageProps<'/admin/orders'>) {
  // A hand-edited URL with an unknown status or page: say so, and show the unfiltered first page.
  const { query, invalid } = await parsePageSearchParams(searchParams, orderListQuerySchema);
  await requireStaffPage(hrefFor(query, query.page));
  const staleAfterDays = getEnv().RESERVATION_STALE_AFTER_DAYS;
  const list = await adminListOrders(query, { staleAfterDays });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = Boolean(query.status || query.q || query.reservation);
  const caption = [
    `Orders, newest first`,
    query.status && `status ${statusLabel(query.status)}`,
    query.reservation && reservationLabel(query.reservation, staleAfterDays).toLowerCase(),
    query.q && `matching “${query.q}”`,
    `${list.total} in all`,
  ]
    .filter(Boolean)
    .join(' · ');
  const exportRange = lastDaysRange(30);

  return (
    <section aria-labelledby="orders-heading">
      <h1 id="orders-heading" className="mb-4 text-2xl font-bold tracking-tight">
        Orders
      </h1>
      <BadQueryNotice fields={invalid.map((error) => error.path)} shown="all orders" />
      <OrderFilters status={query.status} q={query.q} reservation={query.reservation} />
      {query.reservation && (
        <ReservationChip
          filter={query.reservation}
          staleAfterDays={staleAfterDays}
          removeHref={hrefFor({ ...query, reservation: undefined }, 1)}
        />
      )}
      {list.items.length > 0 ? (
        <>
          <OrdersTable items={list.items} caption={caption} now={Date.parse(list.asOf)} />
          <Pager page={list.page} pageCount={pageCount} hrefFor={(page) => hrefFor(query, page)} />
        </>
      ) : (
        <p className="rounded-lg border border-shop-line bg-white p-6 text-shop-muted" data-testid="orders-empty">
          {list.total > 0
            ? `There is no page ${list.page}: the last page is ${pageCount}.`
            : filtered
              ? 'No orders match this filter and search. Check the spelling, or clear the filter.'
              : 'No orders yet. Orders appear here as soon as a shopper starts a payment.'}
        </p>
      )}
      <ExportForm from={exportRange.from} to={exportRange.to} />
    </section>
  );
}
