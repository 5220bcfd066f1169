import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { notFound } from 'next/navigation';
import { ApiLogList } from '@/components/admin/ApiLogList';
import { AuditLog } from '@/components/admin/AuditLog';
import { CustomerProfile } from '@/components/admin/CustomerProfile';
import { OrderLinesTable } from '@/components/admin/OrderLinesTable';
import { ORDER_TABS, OrderTabs, type OrderTab } from '@/components/admin/OrderTabs';
import { PaymentAttempt } from '@/components/admin/PaymentAttempt';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Timeline } from '@/components/admin/Timeline';
import type { OrderDetailResponse } from '@/lib/admin-api';
import { apiLogForReferences } from '@/lib/server/api-log';
import { formatDateTime } from '@/lib/admin-format';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { roleAllows } from '@/lib/server/auth/roles';
import { isProblemError } from '@/lib/server/http/problem';
import { parsePageParams, parsePageSearchParams } from '@/lib/server/http/route-input';
import { adminOrderDetail } from '@/lib/server/orders';
import { orderNumberParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** `?tab=`: any value but a known tab (a stale or hand-edited link) opens the timeline, the order's first view. */
const orderPageQuery = z.object({
  tab: z.enum(ORDER_TABS.map((tab) => tab.id) as [OrderTab, ...OrderTab[]]).catch('timeline'),
});

export async function generateMetadata({ params }: PageProps<'/admin/orders/[orderNumber]'>): Promise<Metadata> {
  return { title: `Order ${(await params).orderNumber}` };
}

async function load(orderNumber: string, canMoveMoney: boolean): Promise<OrderDetailResponse> {
  try {
    return await adminOrderDetail(orderNumber, { canMoveMoney });
  } catch (error) {
    if (isProblemError(error) && error.status === 404) notFound();
    throw error;
  }
}

export default async function OrderPage({ params, searchParams }: PageProps<'/admin/orders/[orderNumber]'>) {
  const { orderNumber } = await parsePageParams(params, orderNumberParams);
  const { tab } = (await parsePageSearchParams(searchParams, orderPageQuery)).query;
  const orderPath = `/admin/orders/${encodeURIComponent(orderNumber)}`;
  const staff = await requireStaffPage(tab === 'timeline' ? orderPath : `${orderPath}?tab=${tab}`);
  const order = await load(orderNumber, roleAllows(staff.role, 'operator'));
  const attemptOf = Object.fromEntries(order.payments.map((p) => [p.reference, p.attempt]));
  const now = Date.parse(order.asOf);

  return (
    <article aria-labelledby="order-heading" className="flex flex-col gap-6">
      <div>
        <Link href="/admin/orders" className="text-sm underline underline-offset-4">
          ← All orders
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 id="order-heading" className="text-2xl font-bold tracking-tight">
            Order {order.orderNumber}
          </h1>
          <StatusBadge
            status={order.status}
            figures={{
              authorizedOre: order.payments.reduce((sum, p) => sum + p.money.authorizedOre, 0),
              capturedOre: order.payments.reduce((sum, p) => sum + p.money.capturedOre, 0),
            }}
          />
        </div>
        <p className="mt-1 text-sm text-shop-muted">
          Placed {formatDateTime(order.createdAt)}
          {order.phoneNumber && ` · phone +${order.phoneNumber}`}
        </p>
      </div>

      {order.profile && <CustomerProfile profile={order.profile} />}

      <section aria-labelledby="lines-heading" className="rounded-lg border border-shop-line bg-white p-4">
        <h2 id="lines-heading" className="mb-2 text-lg font-semibold">
          Lines and totals
        </h2>
        <OrderLinesTable
          lines={order.lines}
          totalOre={order.totalOre}
          vatOre={order.vatOre}
          currency={order.currency}
        />
      </section>

      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading" className="mb-2 text-lg font-semibold">
          Payment
        </h2>
        <div className="flex flex-col gap-3">
          {[...order.payments].reverse().map((payment) => (
            <PaymentAttempt key={payment.reference} payment={payment} now={now} />
          ))}
        </div>
      </section>

      <div>
        <OrderTabs orderPath={orderPath} current={tab} />
        {tab === 'timeline' ? (
          <section aria-labelledby="timeline-heading" className="pt-4">
            <h2 id="timeline-heading" className="mb-1 text-lg font-semibold">
              Timeline
            </h2>
            <p className="mb-3 text-sm text-shop-muted">
              Our operations, Vipps&apos; event log and the webhooks we received, newest last.
            </p>
            <Timeline
              entries={order.timeline}
              currency={order.currency}
              attemptOf={attemptOf}
              eventLogUnavailable={order.eventLogUnavailable}
            />
          </section>
        ) : (
          <OrderApiLog references={order.payments.map((p) => p.reference)} />
        )}
      </div>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
          Staff actions
        </h2>
        <AuditLog actions={order.staffActions} currency={order.currency} attemptOf={attemptOf} />
      </section>
    </article>
  );
}

/** The "Vipps API log" view: this order's exchanges, oldest first, so the quick-start steps read in order. */
async function OrderApiLog({ references }: { references: string[] }) {
  const entries = await apiLogForReferences(references);
  return (
    <section aria-labelledby="api-log-heading" className="pt-4">
      <h2 id="api-log-heading" className="mb-1 text-lg font-semibold">
        Vipps API log
      </h2>
      <p className="mb-3 text-sm text-shop-muted">
        Every request we sent to Vipps about this order&apos;s payments and what came back, oldest first; each retry is
        its own row. Bodies are stored redacted. Access-token calls belong to no order (one token serves every payment),
        so they are only in the{' '}
        <Link href="/admin/api-log" className="underline underline-offset-4">
          full API log
        </Link>
        .
      </p>
      {entries.length > 0 ? (
        <ApiLogList entries={entries} label="Exchanges with Vipps, oldest first" />
      ) : (
        <p
          className="rounded-lg border border-shop-line bg-white p-4 text-sm text-shop-muted"
          data-testid="api-log-empty"
        >
          No exchanges recorded for this order. The log keeps exchanges for a limited time, and is best effort.
        </p>
      )}
    </section>
  );
}
