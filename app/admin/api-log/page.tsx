import type { Metadata } from 'next';
import { BadQueryNotice } from '@/components/admin/BadQueryNotice';
import { ApiLogList } from '@/components/admin/ApiLogList';
import { NewerOlderPager } from '@/components/admin/NewerOlderPager';
import { apiLogQuerySchema } from '@/lib/admin-observability-api';
import { apiLogResponse } from '@/lib/server/api-log';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { parsePageSearchParams } from '@/lib/server/http/route-input';

export const metadata: Metadata = { title: 'Vipps API log' };
export const dynamic = 'force-dynamic';

const hrefFor = (page: number) => (page > 1 ? `/admin/api-log?page=${page}` : '/admin/api-log');

/** The whole log, newest first: token calls and webhook registration included, which no order page shows. */
export default async function ApiLogPage({ searchParams }: PageProps<'/admin/api-log'>) {
  const { query, invalid } = await parsePageSearchParams(searchParams, apiLogQuerySchema.pick({ page: true }));
  const { page } = query;
  await requireStaffPage(hrefFor(page));
  const log = await apiLogResponse({ page });
  return (
    <section aria-labelledby="api-log-heading">
      <h1 id="api-log-heading" className="mb-1 text-2xl font-bold tracking-tight">
        Vipps API log
      </h1>
      <p className="mb-4 max-w-3xl text-sm text-shop-muted">
        Every request the shop sent to Vipps and what came back, newest first; each retry is its own row. Bodies are
        stored redacted: no tokens or secrets, phone numbers masked. An order&apos;s page shows its own exchanges oldest
        first.
      </p>
      <BadQueryNotice fields={invalid.map((error) => error.path)} shown="the newest exchanges" />
      {log.entries.length > 0 ? (
        <ApiLogList entries={log.entries} label="Exchanges with Vipps, newest first" linkReferences />
      ) : (
        <p className="rounded-lg border border-shop-line bg-white p-6 text-shop-muted" data-testid="api-log-empty">
          {page > 1 ? `There is no page ${page}.` : 'Nothing has been sent to Vipps yet.'}
        </p>
      )}
      <NewerOlderPager page={page} hasMore={log.hasMore} hrefFor={hrefFor} noun="exchanges" />
    </section>
  );
}
