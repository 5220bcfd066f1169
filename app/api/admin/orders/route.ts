import { parseOrderListQuery } from '@/lib/admin-api';
import { getEnv } from '@/lib/server/env';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { validationProblem } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { adminListOrders } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

/** Staff orders list: `?status=&q=&reservation=&page=` (lib/admin-api.ts `orderListQuerySchema`), newest first. */
export const GET = withProblems(async (request) => {
  await requireStaff('viewer');
  const query = parseOrderListQuery(new URL(request.url).searchParams);
  if (!query.success) throw validationProblem(query.error);
  return Response.json(await adminListOrders(query.data, { staleAfterDays: getEnv().RESERVATION_STALE_AFTER_DAYS }), {
    headers: { 'cache-control': 'no-store' },
  });
});
