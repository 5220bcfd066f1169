import { withProblems } from '@/lib/server/http/route';
import { tryPaymentAgain } from '@/lib/server/orders';
import { referenceParam } from '@/lib/server/orders/references';

export const dynamic = 'force-dynamic';

/** "Try again" after ABORTED or EXPIRED: a new payment attempt for the same order. */
export const POST = withProblems(async (_request, { params }: { params: Promise<{ reference: string }> }) => {
  const started = await tryPaymentAgain(await referenceParam(params));
  return Response.json(started, { status: 201, headers: { 'cache-control': 'no-store' } });
});
