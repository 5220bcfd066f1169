import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '@/lib/server/db/core';
import { staffAccounts } from '@/lib/server/db/schema';
import { addStaff } from '@/lib/server/auth/staff-accounts';
import { openTestPglite } from '../pglite-image';

const session = vi.hoisted(() => ({ current: null as null | { user?: { email?: string }; role?: string } }));
const db = vi.hoisted(() => ({ handle: undefined as undefined | { db: unknown } }));
vi.mock('next-auth', () => ({ getServerSession: () => Promise.resolve(session.current) }));
vi.mock('@/lib/server/db', () => ({ getDb: () => Promise.resolve(db.handle!.db) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const { requireStaff, requireStaffPage } = await import('@/lib/server/auth/require-staff');

describe('requireStaff', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestPglite();
    db.handle = handle;
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    session.current = null;
    await handle.db.execute(sql`delete from staff_accounts`);
    await addStaff(handle.db, { email: 'view@shop.no', name: 'V', role: 'viewer', password: 'long enough pass' });
    await addStaff(handle.db, { email: 'op@shop.no', name: 'O', role: 'operator', password: 'long enough pass' });
  });

  it('answers 401 when signed out', async () => {
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('answers 401 for a session whose account does not exist (or no longer does)', async () => {
    session.current = { user: { email: 'a@b.no' }, role: 'operator' };
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
    session.current = { user: { email: 'op@shop.no' }, role: 'operator' };
    await handle.db.delete(staffAccounts).where(eq(staffAccounts.email, 'op@shop.no'));
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
  });

  it('answers 401 for a disabled account', async () => {
    session.current = { user: { email: 'op@shop.no' }, role: 'operator' };
    await handle.db
      .update(staffAccounts)
      .set({ disabledAt: sql`now()` })
      .where(eq(staffAccounts.email, 'op@shop.no'));
    await expect(requireStaff('viewer')).rejects.toMatchObject({ status: 401 });
  });

  it('answers 403 when a viewer asks to move money', async () => {
    session.current = { user: { email: 'view@shop.no' }, role: 'viewer' };
    await expect(requireStaff('viewer')).resolves.toEqual({ email: 'view@shop.no', role: 'viewer' });
    await expect(requireStaff('operator')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('takes the role from the account, not from the session cookie (a demoted operator is a viewer at once)', async () => {
    session.current = { user: { email: 'op@shop.no' }, role: 'operator' };
    await handle.db.update(staffAccounts).set({ role: 'viewer' }).where(eq(staffAccounts.email, 'op@shop.no'));
    await expect(requireStaff('operator')).rejects.toMatchObject({ status: 403 });
    session.current = { user: { email: 'view@shop.no' }, role: 'operator' };
    await expect(requireStaff('operator')).rejects.toMatchObject({ status: 403 });
  });

  it('lets an operator do everything', async () => {
    session.current = { user: { email: 'op@shop.no' }, role: 'operator' };
    await expect(requireStaff('operator')).resolves.toEqual({ email: 'op@shop.no', role: 'operator' });
    await expect(requireStaff('viewer')).resolves.toMatchObject({ role: 'operator' });
  });

  it('sends signed-out page visitors to sign-in and back', async () => {
    await expect(requireStaffPage('/admin/orders?page=2')).rejects.toThrow(
      'redirect:/login?callbackUrl=%2Fadmin%2Forders%3Fpage%3D2',
    );
  });
});
