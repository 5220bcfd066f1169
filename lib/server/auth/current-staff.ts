import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { getDb } from '../db';
import { getEnv } from '../env';
import { getLogger } from '../log';
import { isStaffRole, type StaffRole } from './roles';
import { lastSeenIsStale, liveSession, touchStaffSession } from './staff-sessions';

export interface StaffMember {
  email: string;
  role: StaffRole;
  /** This sign-in's row in staff_sessions (the sessions page marks it as "this session"). */
  sessionId: number;
}

/** The staff member this request's session cookie belongs to, while its session is live; else undefined. */
export async function currentStaff(): Promise<StaffMember | undefined> {
  // The JWT is only a pointer: what counts is its session row and the account as they are now, read in one
  // query — so a signed-out (or elsewhere ended) session, a removed account or a demotion takes effect at once.
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: getEnv().NEXTAUTH_SECRET,
  });
  if (typeof token?.sessionKey !== 'string') return undefined;
  const db = await getDb();
  const session = await liveSession(db, token.sessionKey);
  if (!session || !isStaffRole(session.role)) return undefined;
  if (lastSeenIsStale(session.lastSeenAt)) {
    // About once a minute per session. "Last seen" is a courtesy for the sessions list, never a reason to fail.
    await touchStaffSession(db, session.sessionId).catch((err: unknown) =>
      getLogger().warn({ err, component: 'staff-sessions' }, 'could not record last seen'),
    );
  }
  return { email: session.email, role: session.role, sessionId: session.sessionId };
}
