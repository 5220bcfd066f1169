import { requireStaff } from '@/lib/server/auth/require-staff';
import { withProblems } from '@/lib/server/http/route';
import { exportCsv } from '@/lib/server/reports';

export const dynamic = 'force-dynamic';

/** CSV of orders or money operations for a date range; viewers and operators alike. */
export const GET = withProblems(async (request, { params }: { params: Promise<{ kind: string }> }) => {
  await requireStaff('viewer');
  const { filename, body } = await exportCsv((await params).kind, new URL(request.url).searchParams);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
