import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { addStaff } from '@/lib/server/auth/staff-accounts';
import {
  LAST_SEEN_RESOLUTION_SECONDS,
  STAFF_SESSION_IDLE_SECONDS,
  createStaffSession,
  endOwnSession,
  liveSession,
  liveSessionsOf,
  revokeSessionByKey,
  touchStaffSession,
} from '@/lib/server/auth/staff-sessions';
import type { DbHandle } from '@/lib/server/db/core';
import { staffAccounts, staffSessions } from '@/lib/server/db/schema';
import { DRIVERS } from '../db-drivers';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + seconds * 1000);

describe.each(DRIVERS)('staff sessions on $name', ({ open }) => {
  let handle: DbHandle;
  let kari: number;
  let ola: number;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from staff_sessions`);
    await handle.db.execute(sql`delete from staff_accounts`);
    kari = (
      await addStaff(handle.db, { email: 'kari@shop.no', name: 'K', role: 'operator', password: 'long enough pass' })
    ).id;
    ola = (await addStaff(handle.db, { email: 'ola@shop.no', name: 'O', role: 'viewer', password: 'long enough pass' }))
      .id;
  });

  it('is live from sign-in, with the account as it is now', async () => {
    const key = await createStaffSession(handle.db, {
      staffId: kari,
      userAgent: 'UA',
      clientAddress: '203.0.113.9',
      now: at(0),
    });
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await liveSession(handle.db, key, at(1))).toMatchObject({ email: 'kari@shop.no', role: 'operator' });
    await handle.db.update(staffAccounts).set({ role: 'viewer' }).where(eq(staffAccounts.id, kari));
    expect(await liveSession(handle.db, key, at(2))).toMatchObject({ role: 'viewer' });
  });

  it('is refused once revoked (sign-out), for an unknown key, once expired, and for a disabled account', async () => {
    const key = await createStaffSession(handle.db, { staffId: kari, now: at(0) });
    await revokeSessionByKey(handle.db, key, at(5));
    expect(await liveSession(handle.db, key, at(6))).toBeUndefined();
    expect(await liveSession(handle.db, 'not-a-key', at(6))).toBeUndefined();

    const idle = await createStaffSession(handle.db, { staffId: kari, now: at(0) });
    expect(await liveSession(handle.db, idle, at(STAFF_SESSION_IDLE_SECONDS - 1))).toBeDefined();
    expect(await liveSession(handle.db, idle, at(STAFF_SESSION_IDLE_SECONDS))).toBeUndefined();

    const disabled = await createStaffSession(handle.db, { staffId: ola, now: at(0) });
    await handle.db
      .update(staffAccounts)
      .set({ disabledAt: at(1) })
      .where(eq(staffAccounts.id, ola));
    expect(await liveSession(handle.db, disabled, at(2))).toBeUndefined();
  });

  it('writes "last seen" at most once a minute, and each write moves the idle expiry on', async () => {
    const key = await createStaffSession(handle.db, { staffId: kari, now: at(0) });
    const { sessionId } = (await liveSession(handle.db, key, at(1)))!;
    await touchStaffSession(handle.db, sessionId, at(LAST_SEEN_RESOLUTION_SECONDS - 1));
    expect((await liveSession(handle.db, key, at(30)))!.lastSeenAt).toEqual(at(0));
    await touchStaffSession(handle.db, sessionId, at(LAST_SEEN_RESOLUTION_SECONDS + 1));
    expect((await liveSession(handle.db, key, at(90)))!.lastSeenAt).toEqual(at(LAST_SEEN_RESOLUTION_SECONDS + 1));
    expect(await liveSession(handle.db, key, at(STAFF_SESSION_IDLE_SECONDS + 30))).toBeDefined();
  });

  it('lists only your own live sessions, newest first', async () => {
    const first = await createStaffSession(handle.db, { staffId: kari, userAgent: 'first', now: at(0) });
    await createStaffSession(handle.db, { staffId: kari, userAgent: 'second', now: at(10) });
    await createStaffSession(handle.db, { staffId: ola, userAgent: 'ola', now: at(20) });
    await createStaffSession(handle.db, { staffId: kari, userAgent: 'signed out', now: at(30) }).then((key) =>
      revokeSessionByKey(handle.db, key, at(31)),
    );
    const listed = await liveSessionsOf(handle.db, 'KARI@shop.no', at(40));
    expect(listed.map((s) => s.userAgent)).toEqual(['second', 'first']);
    expect(listed.every((s) => s.id !== undefined)).toBe(true);
    expect(await liveSession(handle.db, first, at(40))).toBeDefined();
  });

  it('ends another of your own sessions, but never someone else’s (answered like an unknown one)', async () => {
    const mine = await createStaffSession(handle.db, { staffId: kari, now: at(0) });
    const theirs = await createStaffSession(handle.db, { staffId: ola, now: at(0) });
    const mineId = (await liveSession(handle.db, mine, at(1)))!.sessionId;
    const theirsId = (await liveSession(handle.db, theirs, at(1)))!.sessionId;

    expect(await endOwnSession(handle.db, 'ola@shop.no', mineId, at(2))).toBe(false);
    expect(await endOwnSession(handle.db, 'kari@shop.no', theirsId, at(2))).toBe(false);
    expect(await liveSession(handle.db, mine, at(3))).toBeDefined();

    expect(await endOwnSession(handle.db, 'kari@shop.no', mineId, at(4))).toBe(true);
    expect(await liveSession(handle.db, mine, at(5))).toBeUndefined();
    expect(await endOwnSession(handle.db, 'kari@shop.no', mineId, at(6))).toBe(false); // already ended
    expect(await liveSession(handle.db, theirs, at(7))).toBeDefined();
  });

  it('goes with its account when the account is removed', async () => {
    await createStaffSession(handle.db, { staffId: ola, now: at(0) });
    await handle.db.delete(staffAccounts).where(eq(staffAccounts.id, ola));
    expect(await handle.db.select().from(staffSessions)).toEqual([]);
  });
});
