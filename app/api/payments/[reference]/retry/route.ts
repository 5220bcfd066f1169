import { limitCheckouts } from '@/lib/server/http/checkout-limit';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams } from '@/lib/server/http/route-input';
import { tryPaymentAgain } from '@/lib/server/orders';
import { PAYMENT_NOT_FOUND, paymentReferenceParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/**
 * "Try again" after ABORTED or EXPIRED: a new payment attempt for the same order. Each one creates a payment at
 * Vipps just as a checkout does, so it spends the same per-address budget: retrying cannot get round the limit.
 */
export const POST = withProblems(async (request, { params }: { params: Promise<{ reference: string }> }) => {
  const { reference } = await parseRouteParams(params, paymentReferenceParams, PAYMENT_NOT_FOUND);
  await limitCheckouts(request.headers);
  const started = await tryPaymentAgain(reference);
  return Response.json(started, { status: 201, headers: { 'cache-control': 'no-store' } });
});
