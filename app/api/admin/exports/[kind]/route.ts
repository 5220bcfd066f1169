import { requireStaff } from '@/lib/server/auth/require-staff';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams, parseSearchParams } from '@/lib/server/http/route-input';
import { exportCsv, exportKindParams, NO_SUCH_EXPORT } from '@/lib/server/reports';
import { dateRangeSchema } from '@/lib/server/reports/date-range';

export const dynamic = 'force-dynamic';

/** CSV of orders or money operations for a date range (`?from=&to=`); viewers and operators alike. */
export const GET = withProblems(async (request, { params }: { params: Promise<{ kind: string }> }) => {
  await requireStaff('viewer');
  const { kind } = await parseRouteParams(params, exportKindParams, NO_SUCH_EXPORT);
  const { filename, body } = await exportCsv(kind, await parseSearchParams(request, dateRangeSchema));
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
