import { requireStaff } from '@/lib/server/auth/require-staff';
import { sessionsOf } from '@/lib/server/auth/staff-sessions-admin';
import { withProblems } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The signed-in staff member's own live sessions (this one marked `current`). */
export const GET = withProblems(async () => {
  const staff = await requireStaff('viewer');
  return Response.json(await sessionsOf(staff), { headers: { 'cache-control': 'no-store' } });
});
