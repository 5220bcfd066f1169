import { z } from 'zod';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams, serialIdParam } from '@/lib/server/http/route-input';
import { auditRefusedCheck, checkOperationWithVipps } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

const operationParams = z.object({ id: serialIdParam });

/** "Check with Vipps": settles an operation whose outcome is unknown from Vipps' event log. No body. */
export const POST = withProblems(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseRouteParams(params, operationParams, { title: 'Operation not found' });
  const staff = await requireStaff('operator', { onForbidden: auditRefusedCheck(id) });
  const result = await checkOperationWithVipps(id, staff);
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
