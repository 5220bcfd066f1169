import 'server-only';
import type { EndSessionResponse, StaffSessionsResponse } from '@/lib/admin-sessions-api';
import { getDb } from '../db';
import { ProblemError } from '../http/problem';
import type { StaffMember } from './current-staff';
import { endOwnSession, liveSessionsOf } from './staff-sessions';

/** The signed-in staff member's live sessions, newest first, this one marked. */
export async function sessionsOf(staff: StaffMember): Promise<StaffSessionsResponse> {
  const rows = await liveSessionsOf(await getDb(), staff.email);
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      userAgent: row.userAgent,
      clientAddress: row.clientAddress,
      current: row.id === staff.sessionId,
    })),
  };
}

/** Ends one of the staff member's own sessions; anyone else's (or an ended one) is a 404, like an unknown id. */
export async function endSessionOf(staff: StaffMember, sessionId: number): Promise<EndSessionResponse> {
  if (!(await endOwnSession(await getDb(), staff.email, sessionId))) {
    throw new ProblemError({
      status: 404,
      code: 'not_found',
      title: 'No such session',
      detail: 'It has ended already, or it is not one of yours.',
    });
  }
  return { ended: sessionId };
}
