import { cancelBodySchema } from '@/lib/admin-api';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { parseJsonBody } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams } from '@/lib/server/http/route-input';
import { auditRefusedMove, cancelReservation } from '@/lib/server/orders';
import { PAYMENT_NOT_FOUND, paymentReferenceParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** Releases what is reserved and not captured; 409 with the reason when there is nothing to release. */
export const POST = withProblems(async (request, { params }: { params: Promise<{ reference: string }> }) => {
  const { reference } = await parseRouteParams(params, paymentReferenceParams, PAYMENT_NOT_FOUND);
  const staff = await requireStaff('operator', { onForbidden: auditRefusedMove('cancel', reference) });
  const body = await parseJsonBody(request, cancelBodySchema);
  const result = await cancelReservation({ reference, staff, ...body });
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
