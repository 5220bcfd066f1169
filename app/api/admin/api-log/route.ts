import { apiLogQuerySchema } from '@/lib/admin-observability-api';
import { apiLogResponse } from '@/lib/server/api-log';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { parseSearchParams } from '@/lib/server/http/route-input';
import { withProblems } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The Vipps API log: one payment's exchanges (`?reference=`) or the whole log by page. Redacted when written. */
export const GET = withProblems(async (request) => {
  await requireStaff('viewer');
  const query = await parseSearchParams(request, apiLogQuerySchema);
  return Response.json(await apiLogResponse(query), { headers: { 'cache-control': 'no-store' } });
});
