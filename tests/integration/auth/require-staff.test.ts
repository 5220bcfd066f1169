import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '@/lib/server/db/core';
import { staffAccounts } from '@/lib/server/db/schema';
import { addStaff } from '@/lib/server/auth/staff-accounts';
import { createStaffSession } from '@/lib/server/auth/staff-sessions';
import { openTestPglite } from '../pglite-image';

// The decoded session cookie (next-auth's JWT), as getToken would hand it over.
const cookie = vi.hoisted(() => ({ token: null as null | { sessionKey?: string; role?: string } }));
const db = vi.hoisted(() => ({ handle: undefined as undefined | { db: unknown } }));
vi.mock('next-auth/jwt', () => ({ getToken: () => Promise.resolve(cookie.token) }));
vi.mock('next/headers', () => ({ cookies: () => Promise.resolve({}), headers: () => Promise.resolve(new Headers()) }));
vi.mock('@/lib/server/db', () => ({ getDb: () => Promise.resolve(db.handle!.db) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const { requireStaff, requireStaffPage } = await import('@/lib/server/auth/require-staff');
const { getAuthOptions } = await import('@/lib/server/auth/options');

describe('requireStaff', () => {
  let handle: DbHandle;
  let viewerId: number;
  let operatorId: number;
  const signIn = async (staffId: number) => {
    cookie.token = { sessionKey: await createStaffSession(handle.db, { staffId }) };
  };
  beforeAll(async () => {
    handle = await openTestPglite();
    db.handle = handle;
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    cookie.token = null;
    await handle.db.execute(sql`delete from staff_accounts`);
    viewerId = (
      await addStaff(handle.db, { email: 'view@shop.no', name: 'V', role: 'viewer', password: 'long enough pass' })
    ).id;
    operatorId = (
      await addStaff(handle.db, { email: 'op@shop.no', name: 'O', role: 'operator', password: 'long enough pass' })
    ).id;
  });

  it('answers 401 when signed out, and for a cookie without a session key (one issued before sessions had rows)', async () => {
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    cookie.token = { role: 'operator' };
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
  });

  it('answers 401 for a session key the database does not know (a forged or wiped session)', async () => {
    cookie.token = { sessionKey: 'made-up' };
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
  });

  it('opens a session row at sign-in, and sign-out ends it: the same cookie is refused afterwards', async () => {
    const options = getAuthOptions();
    const token = await options.callbacks!.jwt!({
      token: {},
      user: {
        id: String(operatorId),
        email: 'op@shop.no',
        role: 'operator',
        userAgent: 'UA',
        clientAddress: '203.0.113.9',
      },
      account: null,
      trigger: 'signIn',
    } as never);
    expect(token.sessionKey).toEqual(expect.any(String));
    cookie.token = token;
    await expect(requireStaff('operator')).resolves.toMatchObject({ email: 'op@shop.no', role: 'operator' });

    await options.events!.signOut!({ token, session: undefined as never });
    // The cookie saved before sign-out still decodes; its session no longer opens anything.
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
    await expect(requireStaffPage('/admin')).rejects.toThrow('redirect:/login?callbackUrl=%2Fadmin');
  });

  it('answers 401 for a session whose account no longer exists, or is disabled', async () => {
    await signIn(operatorId);
    await handle.db.delete(staffAccounts).where(eq(staffAccounts.id, operatorId));
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
    await signIn(viewerId);
    await handle.db
      .update(staffAccounts)
      .set({ disabledAt: sql`now()` })
      .where(eq(staffAccounts.id, viewerId));
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
  });

  it('answers 403 when a viewer asks to move money', async () => {
    await signIn(viewerId);
    await expect(requireStaff('viewer')).resolves.toMatchObject({ email: 'view@shop.no', role: 'viewer' });
    await expect(requireStaff('operator')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('hands a refused staff member and the refusal to onForbidden before the 403, and only then', async () => {
    const seen: unknown[] = [];
    const onForbidden = (staff: unknown, refusal: unknown) => (seen.push([staff, refusal]), Promise.resolve());
    await signIn(viewerId);
    const refusal = await requireStaff('operator', { onForbidden }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 403, code: 'forbidden' });
    expect(seen).toEqual([[expect.objectContaining({ email: 'view@shop.no', role: 'viewer' }), refusal]]);
    await requireStaff('viewer', { onForbidden });
    await signIn(operatorId);
    await requireStaff('operator', { onForbidden });
    expect(seen).toHaveLength(1);
  });

  it('still answers 403 when the audit of the refusal fails (logged, not a 500)', async () => {
    await signIn(viewerId);
    const onForbidden = () => Promise.reject(new Error('audit table unavailable'));
    await expect(requireStaff('operator', { onForbidden })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('takes the role from the account, not from the session cookie (a demoted operator is a viewer at once)', async () => {
    await signIn(operatorId);
    cookie.token!.role = 'operator';
    await handle.db.update(staffAccounts).set({ role: 'viewer' }).where(eq(staffAccounts.id, operatorId));
    await expect(requireStaff('operator')).rejects.toMatchObject({ status: 403 });
  });

  it('lets an operator do everything, and says which session it is', async () => {
    await signIn(operatorId);
    const staff = await requireStaff('operator');
    expect(staff).toMatchObject({ email: 'op@shop.no', role: 'operator' });
    expect(Number.isInteger(staff.sessionId)).toBe(true);
    await expect(requireStaff('viewer')).resolves.toMatchObject({ role: 'operator' });
  });

  it('sends signed-out page visitors to sign-in and back', async () => {
    await expect(requireStaffPage('/admin/orders?page=2')).rejects.toThrow(
      'redirect:/login?callbackUrl=%2Fadmin%2Forders%3Fpage%3D2',
    );
  });
});
