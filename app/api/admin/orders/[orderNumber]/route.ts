import { requireStaff } from '@/lib/server/auth/require-staff';
import { roleAllows } from '@/lib/server/auth/roles';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams } from '@/lib/server/http/route-input';
import { adminOrderDetail } from '@/lib/server/orders';
import { ORDER_NOT_FOUND, orderNumberParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** One order for staff: lines, each attempt's money, the merged timeline and the audit log. */
export const GET = withProblems(async (_request, { params }: { params: Promise<{ orderNumber: string }> }) => {
  const { orderNumber } = await parseRouteParams(params, orderNumberParams, ORDER_NOT_FOUND);
  const staff = await requireStaff('viewer');
  const detail = await adminOrderDetail(orderNumber, { canMoveMoney: roleAllows(staff.role, 'operator') });
  return Response.json(detail, { headers: { 'cache-control': 'no-store' } });
});
