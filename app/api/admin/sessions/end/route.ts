import { endSessionBodySchema } from '@/lib/admin-sessions-api';
import { requireStaff } from '@/lib/server/auth/require-staff';
import { endSessionOf } from '@/lib/server/auth/staff-sessions-admin';
import { parseJsonBody } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Ends one of the caller's own sessions (signs that browser out); any staff member may end their own. */
export const POST = withProblems(async (request) => {
  const staff = await requireStaff('viewer');
  const body = await parseJsonBody(request, endSessionBodySchema);
  return Response.json(await endSessionOf(staff, body.sessionId), { headers: { 'cache-control': 'no-store' } });
});
