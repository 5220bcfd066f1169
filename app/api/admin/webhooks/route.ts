import { webhookInboxQuerySchema } from '@/lib/admin-observability-api';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { parseSearchParams } from '@/lib/server/http/route-input';
import { withProblems } from '@/lib/server/http/route';
import { webhookInbox } from '@/lib/server/webhooks/admin';

export const dynamic = 'force-dynamic';

/** The webhook inbox: every delivery, accepted or refused (`?filter=`), or one payment's (`?reference=`). */
export const GET = withProblems(async (request) => {
  await requireStaff('viewer');
  const query = await parseSearchParams(request, webhookInboxQuerySchema);
  return Response.json(await webhookInbox(query), { headers: { 'cache-control': 'no-store' } });
});
