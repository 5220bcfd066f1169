import { cancelBodySchema } from '@/lib/admin-api';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { parseJsonBody } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { cancelReservation } from '@/lib/server/orders';
import { referenceParam } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** Releases what is reserved and not captured; 409 with the reason when there is nothing to release. */
export const POST = withProblems(async (request, { params }: { params: Promise<{ reference: string }> }) => {
  const staff = await requireStaff('operator');
  const reference = await referenceParam(params);
  const body = await parseJsonBody(request, cancelBodySchema);
  const result = await cancelReservation({ reference, staff, ...body });
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
