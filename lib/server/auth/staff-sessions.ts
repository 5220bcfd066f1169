import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { staffAccounts, staffSessions } from '../db/schema';

/**
 * Server-side records of staff sign-ins. next-auth's JWT alone cannot be taken back: a copy saved before
 * sign-out stays valid until it expires. So the JWT carries a random session key, and an admin request is
 * served only while that key's row is live (not revoked, not expired, its account not disabled).
 */

/** Same as next-auth's session maxAge: idle this long and the session ends. */
export const STAFF_SESSION_IDLE_SECONDS = 8 * 60 * 60;

/** "Last seen" is written at most this often per session, so a busy admin page does not write on every request. */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

export interface NewStaffSession {
  staffId: number;
  userAgent?: string | null;
  clientAddress?: string | null;
  now?: Date;
}

export interface LiveSession {
  sessionId: number;
  email: string;
  role: string;
  lastSeenAt: Date;
}

export interface SessionSummary {
  id: number;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  clientAddress: string | null;
}

const expiryFrom = (now: Date) => new Date(now.getTime() + STAFF_SESSION_IDLE_SECONDS * 1000);

/** Opens a session at sign-in; the returned key goes into the JWT. */
export async function createStaffSession(db: Db, input: NewStaffSession): Promise<string> {
  const now = input.now ?? new Date();
  const key = randomBytes(32).toString('base64url');
  await db.insert(staffSessions).values({
    key,
    staffId: input.staffId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiryFrom(now),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    clientAddress: input.clientAddress?.slice(0, 64) ?? null,
  });
  return key;
}

/**
 * The session and its account as they are now, in one query (admin requests pay one round trip for it), or
 * undefined when the key is unknown, revoked, expired, or its account is disabled or gone.
 */
export async function liveSession(db: Db, key: string, now = new Date()): Promise<LiveSession | undefined> {
  const [row] = await db
    .select({
      sessionId: staffSessions.id,
      email: staffAccounts.email,
      role: staffAccounts.role,
      lastSeenAt: staffSessions.lastSeenAt,
    })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .where(
      and(
        eq(staffSessions.key, key),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        isNull(staffAccounts.disabledAt),
      ),
    );
  return row;
}

/** True when `lastSeenAt` is old enough to be worth a write. */
export function lastSeenIsStale(lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_SECONDS * 1000;
}

/** Moves "last seen" (and the idle expiry) forward; a no-op when another request already did this minute. */
export async function touchStaffSession(db: Db, sessionId: number, now = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_SECONDS * 1000);
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now, expiresAt: expiryFrom(now) })
    .where(
      and(eq(staffSessions.id, sessionId), lt(staffSessions.lastSeenAt, staleBefore), isNull(staffSessions.revokedAt)),
    );
}

/** Ends the session a JWT carries (sign-out). Unknown or already ended keys are fine. */
export async function revokeSessionByKey(db: Db, key: string, now = new Date()): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.key, key), isNull(staffSessions.revokedAt)));
}

/** A staff member's live sessions, newest first. */
export async function liveSessionsOf(db: Db, email: string, now = new Date()): Promise<SessionSummary[]> {
  return db
    .select({
      id: staffSessions.id,
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
      userAgent: staffSessions.userAgent,
      clientAddress: staffSessions.clientAddress,
    })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .where(
      and(
        eq(staffAccounts.email, email.toLowerCase()),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
      ),
    )
    .orderBy(desc(staffSessions.createdAt), desc(staffSessions.id));
}

/**
 * Ends one of `email`'s own sessions. False when there is no such live session *of theirs*: someone else's
 * session id is answered exactly like an unknown one, so the route tells nothing about other accounts.
 */
export async function endOwnSession(db: Db, email: string, sessionId: number, now = new Date()): Promise<boolean> {
  const ended = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(staffSessions.id, sessionId),
        isNull(staffSessions.revokedAt),
        sql`${staffSessions.staffId} = (select ${staffAccounts.id} from ${staffAccounts} where ${staffAccounts.email} = ${email.toLowerCase()})`,
      ),
    )
    .returning({ id: staffSessions.id });
  return ended.length > 0;
}
