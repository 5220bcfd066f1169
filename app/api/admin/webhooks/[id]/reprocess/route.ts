import { ProblemError } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { reprocessWebhookDelivery } from '@/lib/server/webhooks/admin';

export const dynamic = 'force-dynamic';

/** Process one accepted delivery again: the payment is read from Vipps once more (never from the body). */
export const POST = withProblems(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const staff = await requireStaff('operator');
  const { id } = await params;
  if (!/^[0-9]{1,9}$/.test(id)) throw new ProblemError({ status: 404, code: 'not_found', title: 'Delivery not found' });
  return Response.json(await reprocessWebhookDelivery(Number(id), staff.email), {
    headers: { 'cache-control': 'no-store' },
  });
});
