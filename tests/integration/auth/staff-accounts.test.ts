import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_STAFF } from '@/lib/server/env/demo-staff';
import {
  addStaff,
  authenticateStaff,
  demoStaffPresent,
  listStaff,
  removeStaff,
  seedDemoStaff,
} from '@/lib/server/auth/staff-accounts';
import type { DbHandle } from '@/lib/server/db/core';
import { staffAccounts } from '@/lib/server/db/schema';
import { openTestPglite } from '../pglite-image';

describe('staff accounts', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestPglite();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from staff_accounts`);
  });

  it('signs in with the right password (any e-mail case) and refuses a wrong one or an unknown account', async () => {
    await addStaff(handle.db, { email: 'Kari@Shop.no', name: 'Kari', role: 'operator', password: 'a long passphrase' });
    expect(await authenticateStaff(handle.db, 'KARI@shop.NO', 'a long passphrase')).toMatchObject({
      email: 'kari@shop.no',
      role: 'operator',
    });
    expect(await authenticateStaff(handle.db, 'kari@shop.no', 'a long passphrasE')).toBeNull();
    expect(await authenticateStaff(handle.db, 'nobody@shop.no', 'a long passphrase')).toBeNull();
  });

  it('stores a scrypt hash, never the password', async () => {
    await addStaff(handle.db, { email: 'ola@shop.no', name: 'Ola', role: 'viewer', password: 'another passphrase' });
    const [row] = await handle.db.select().from(staffAccounts);
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain('another passphrase');
  });

  it('refuses a second account for the same e-mail unless asked to replace it', async () => {
    const input = { email: 'ola@shop.no', name: 'Ola', role: 'viewer' as const, password: 'first passphrase' };
    await addStaff(handle.db, input);
    await expect(addStaff(handle.db, { ...input, password: 'second passphrase' })).rejects.toThrow(/already exists/);
    await addStaff(handle.db, { ...input, role: 'operator', password: 'second passphrase' }, { replace: true });
    expect(await authenticateStaff(handle.db, 'ola@shop.no', 'first passphrase')).toBeNull();
    expect(await authenticateStaff(handle.db, 'ola@shop.no', 'second passphrase')).toMatchObject({ role: 'operator' });
  });

  it('refuses short passwords and unknown roles', async () => {
    await expect(
      addStaff(handle.db, { email: 'a@shop.no', name: 'A', role: 'viewer', password: 'short' }),
    ).rejects.toThrow(/at least 12/);
    await expect(
      addStaff(handle.db, { email: 'a@shop.no', name: 'A', role: 'admin' as 'viewer', password: 'long enough pass' }),
    ).rejects.toThrow();
    expect(await listStaff(handle.db)).toEqual([]);
  });

  it('a disabled or removed account cannot sign in', async () => {
    await addStaff(handle.db, { email: 'a@shop.no', name: 'A', role: 'viewer', password: 'long enough pass' });
    await handle.db.update(staffAccounts).set({ disabledAt: sql`now()` });
    expect(await authenticateStaff(handle.db, 'a@shop.no', 'long enough pass')).toBeNull();
    expect(await removeStaff(handle.db, 'A@shop.no')).toBe(true);
    expect(await listStaff(handle.db)).toEqual([]);
  });

  it('seeds the two demo accounts once, one per role, and reports them as present', async () => {
    expect(await seedDemoStaff(handle.db)).toBe(2);
    expect(await seedDemoStaff(handle.db)).toBe(0);
    for (const demo of DEMO_STAFF) {
      expect(await authenticateStaff(handle.db, demo.email, demo.password)).toMatchObject({ role: demo.role });
    }
    expect((await demoStaffPresent(handle.db)).sort()).toEqual(DEMO_STAFF.map((d) => d.email).sort());
    expect(new Set(DEMO_STAFF.map((d) => d.role))).toEqual(new Set(['viewer', 'operator']));
  });
});
