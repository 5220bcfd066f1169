import { requireStaff } from '@/lib/server/auth/require-staff';
import { roleAllows } from '@/lib/server/auth/roles';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams, parseSearchParams } from '@/lib/server/http/route-input';
import { exportCsv, exportKindParams, NO_SUCH_EXPORT } from '@/lib/server/reports';
import { dateRangeSchema } from '@/lib/server/reports/date-range';

export const dynamic = 'force-dynamic';

/**
 * CSV of orders or money operations for a date range (`?from=&to=`); viewers and operators alike, but the shared
 * name and e-mail columns only for operators (ADR 0026).
 */
export const GET = withProblems(async (request, { params }: { params: Promise<{ kind: string }> }) => {
  const staff = await requireStaff('viewer');
  const { kind } = await parseRouteParams(params, exportKindParams, NO_SUCH_EXPORT);
  const range = await parseSearchParams(request, dateRangeSchema);
  const { filename, body } = await exportCsv(kind, range, { withContact: roleAllows(staff.role, 'operator') });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
