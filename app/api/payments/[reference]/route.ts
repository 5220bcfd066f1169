import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams } from '@/lib/server/http/route-input';
import { paymentStatus } from '@/lib/server/orders';
import { PAYMENT_NOT_FOUND, paymentReferenceParams } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** What /return polls: the shopper's view of one payment (no personal data). */
export const GET = withProblems(async (_request, { params }: { params: Promise<{ reference: string }> }) => {
  const { reference } = await parseRouteParams(params, paymentReferenceParams, PAYMENT_NOT_FOUND);
  return Response.json(await paymentStatus(reference), { headers: { 'cache-control': 'no-store' } });
});
