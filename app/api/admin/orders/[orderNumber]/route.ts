import { requireStaff } from '@/lib/server/auth/require-staff';
import { roleAllows } from '@/lib/server/auth/roles';
import { withProblems } from '@/lib/server/http/route';
import { adminOrderDetail } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

/** One order for staff: lines, each attempt's money, the merged timeline and the audit log. */
export const GET = withProblems(async (_request, { params }: { params: Promise<{ orderNumber: string }> }) => {
  const staff = await requireStaff('viewer');
  const { orderNumber } = await params;
  const detail = await adminOrderDetail(orderNumber, { canMoveMoney: roleAllows(staff.role, 'operator') });
  return Response.json(detail, { headers: { 'cache-control': 'no-store' } });
});
