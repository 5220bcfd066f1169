import type { Metadata } from 'next';
import Link from 'next/link';
import { BadQueryNotice } from '@/components/admin/BadQueryNotice';
import { NewerOlderPager } from '@/components/admin/NewerOlderPager';
import { WebhookDeliveries } from '@/components/admin/WebhookDeliveries';
import { WEBHOOK_INBOX_FILTERS, webhookInboxQuerySchema, type WebhookInboxFilter } from '@/lib/admin-observability-api';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { roleAllows } from '@/lib/server/auth/roles';
import { parsePageSearchParams } from '@/lib/server/http/route-input';
import { webhookInbox } from '@/lib/server/webhooks/admin';

export const metadata: Metadata = { title: 'Webhook inbox' };
export const dynamic = 'force-dynamic';

const FILTER_LABELS: Record<WebhookInboxFilter, string> = { all: 'All', refused: 'Refused', accepted: 'Accepted' };

function hrefFor(filter: WebhookInboxFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('filter', filter);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/webhooks?${search}` : '/admin/webhooks';
}

/** The webhook inbox: every delivery that reached us, believed or not, and what processing did with it. */
export default async function WebhookInboxPage({ searchParams }: PageProps<'/admin/webhooks'>) {
  const { query, invalid } = await parsePageSearchParams(
    searchParams,
    webhookInboxQuerySchema.pick({ filter: true, page: true }),
  );
  const staff = await requireStaffPage(hrefFor(query.filter, query.page));
  const inbox = await webhookInbox(query);
  return (
    <section aria-labelledby="webhooks-heading">
      <h1 id="webhooks-heading" className="mb-1 text-2xl font-bold tracking-tight">
        Webhook inbox
      </h1>
      <p className="mb-4 max-w-3xl text-sm text-shop-muted">
        Every delivery that reached the shop, newest first. A refused one failed its signature or date check, so nothing
        in it was trusted; its reference is only what the body claims. Processing an accepted one again reads the
        payment from Vipps, never from the body.
      </p>
      <BadQueryNotice fields={invalid.map((error) => error.path)} shown="all deliveries" />
      <nav aria-label="Show deliveries" className="mb-4">
        <ul className="flex gap-2 text-sm">
          {WEBHOOK_INBOX_FILTERS.map((filter) => (
            <li key={filter}>
              <Link
                href={hrefFor(filter, 1)}
                aria-current={query.filter === filter ? 'page' : undefined}
                className="block rounded-full border border-shop-line bg-white px-3 py-1 font-semibold hover:bg-shop-surface aria-[current=page]:border-shop-ink aria-[current=page]:bg-shop-ink aria-[current=page]:text-white"
              >
                {FILTER_LABELS[filter]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {inbox.deliveries.length > 0 ? (
        <WebhookDeliveries deliveries={inbox.deliveries} canReprocess={roleAllows(staff.role, 'operator')} />
      ) : (
        <p className="rounded-lg border border-shop-line bg-white p-6 text-shop-muted" data-testid="webhooks-empty">
          {query.page > 1 ? `There is no page ${query.page}.` : 'No deliveries here yet.'}
        </p>
      )}
      <NewerOlderPager
        page={query.page}
        hasMore={inbox.hasMore}
        hrefFor={(page) => hrefFor(query.filter, page)}
        noun="deliveries"
      />
    </section>
  );
}
