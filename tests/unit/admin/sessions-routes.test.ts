// The sessions routes: a staff member lists and ends only their own sessions; the body is checked by zod, and
// every refusal is a problem. Real database, the signed-in staff member set by the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@/lib/server/db/core';
import { addStaff } from '@/lib/server/auth/staff-accounts';
import { createStaffSession, liveSession } from '@/lib/server/auth/staff-sessions';
import { openTestPglite } from '../../integration/pglite-image';

const signedIn = vi.hoisted(() => ({
  staff: undefined as undefined | { email: string; role: string; sessionId: number },
}));
const db = vi.hoisted(() => ({ handle: undefined as undefined | { db: unknown } }));
vi.mock('@/lib/server/auth/current-staff', () => ({ currentStaff: () => Promise.resolve(signedIn.staff) }));
vi.mock('@/lib/server/db', () => ({ getDb: () => Promise.resolve(db.handle!.db) }));

const list = await import('@/app/api/admin/sessions/route');
const end = await import('@/app/api/admin/sessions/end/route');

const post = (body: unknown) =>
  end.POST(
    new Request('http://localhost/api/admin/sessions/end', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    undefined,
  );

describe('admin sessions routes', () => {
  let handle: DbHandle;
  const keys: Record<string, string> = {};
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    handle = await openTestPglite();
    db.handle = handle;
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from staff_accounts`);
    const kari = await addStaff(handle.db, {
      email: 'kari@shop.no',
      name: 'K',
      role: 'viewer',
      password: 'long enough pass',
    });
    const ola = await addStaff(handle.db, {
      email: 'ola@shop.no',
      name: 'O',
      role: 'operator',
      password: 'long enough pass',
    });
    for (const [name, staffId] of [
      ['kariLaptop', kari.id],
      ['kariPhone', kari.id],
      ['ola', ola.id],
    ] as const) {
      keys[name] = await createStaffSession(handle.db, { staffId, userAgent: name });
      ids[name] = (await liveSession(handle.db, keys[name]))!.sessionId;
    }
    signedIn.staff = { email: 'kari@shop.no', role: 'viewer', sessionId: ids.kariLaptop! };
  });

  it('lists your own live sessions with this one marked, and nobody else’s', async () => {
    const response = await list.GET(new Request('http://localhost/api/admin/sessions'), undefined);
    expect(response.status).toBe(200);
    const { sessions } = (await response.json()) as { sessions: { id: number; current: boolean; userAgent: string }[] };
    expect(sessions.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ['kariLaptop', true],
      ['kariPhone', false],
    ]);
  });

  it('ends another of your sessions: it is no longer live', async () => {
    const response = await post({ sessionId: ids.kariPhone });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: ids.kariPhone });
    expect(await liveSession(handle.db, keys.kariPhone!)).toBeUndefined();
    expect(await liveSession(handle.db, keys.kariLaptop!)).toBeDefined();
  });

  it('answers 404 for someone else’s session and leaves it live', async () => {
    const response = await post({ sessionId: ids.ola });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found' });
    expect(await liveSession(handle.db, keys.ola!)).toBeDefined();
  });

  it('refuses a body that is not { sessionId: positive integer }, as problems', async () => {
    for (const body of ['{', { sessionId: '1' }, { sessionId: -1 }, {}]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('answers 401 when signed out', async () => {
    signedIn.staff = undefined;
    expect((await post({ sessionId: ids.kariPhone })).status).toBe(401);
    expect(await liveSession(handle.db, keys.kariPhone!)).toBeDefined();
  });
});
