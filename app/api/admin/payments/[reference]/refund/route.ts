import { moneyMoveBodySchema } from '@/lib/admin-api';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { parseJsonBody } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams } from '@/lib/server/http/route-input';
import { auditRefusedMove, refundMoney } from '@/lib/server/orders';
import { PAYMENT_NOT_FOUND, paymentReferenceParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** Refund part or all of what is captured (no amountOre = all of it). The amount is checked on the server, under the payment's row lock. */
export const POST = withProblems(async (request, { params }: { params: Promise<{ reference: string }> }) => {
  const { reference } = await parseRouteParams(params, paymentReferenceParams, PAYMENT_NOT_FOUND);
  const staff = await requireStaff('operator', { onForbidden: auditRefusedMove('refund', reference) });
  const body = await parseJsonBody(request, moneyMoveBodySchema);
  const result = await refundMoney({ reference, staff, ...body });
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
