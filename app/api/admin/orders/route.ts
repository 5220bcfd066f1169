import { orderListQuerySchema } from '@/lib/admin-api';
import { getEnv } from '@/lib/server/env';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { withProblems } from '@/lib/server/http/route';
import { parseSearchParams } from '@/lib/server/http/route-input';
import { adminListOrders } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

/** Staff orders list: `?status=&q=&reservation=&page=` (lib/admin-api.ts `orderListQuerySchema`), newest first. */
export const GET = withProblems(async (request) => {
  await requireStaff('viewer');
  const query = await parseSearchParams(request, orderListQuerySchema);
  return Response.json(await adminListOrders(query, { staleAfterDays: getEnv().RESERVATION_STALE_AFTER_DAYS }), {
    headers: { 'cache-control': 'no-store' },
  });
});
