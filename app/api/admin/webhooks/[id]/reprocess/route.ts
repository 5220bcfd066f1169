import { z } from 'zod';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { withProblems } from '@/lib/server/http/route';
import { parseRouteParams, serialIdParam } from '@/lib/server/http/route-input';
import { reprocessWebhookDelivery } from '@/lib/server/webhooks/admin';

export const dynamic = 'force-dynamic';

const deliveryParams = z.object({ id: serialIdParam });

/** Process one accepted delivery again: the payment is read from Vipps once more (never from the body). */
export const POST = withProblems(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseRouteParams(params, deliveryParams, { title: 'Delivery not found' });
  const staff = await requireStaff('operator');
  return Response.json(await reprocessWebhookDelivery(id, staff.email), {
    headers: { 'cache-control': 'no-store' },
  });
});
