import { withProblems } from '@/lib/server/http/route';
import { paymentStatus } from '@/lib/server/orders';
import { referenceParam } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** What /return polls: the shopper's view of one payment (no personal data). */
export const GET = withProblems(async (_request, { params }: { params: Promise<{ reference: string }> }) => {
  const status = await paymentStatus(await referenceParam(params));
  return Response.json(status, { headers: { 'cache-control': 'no-store' } });
});
