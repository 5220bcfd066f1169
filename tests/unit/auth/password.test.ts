import { describe, expect, it } from 'vitest';
import { UNUSABLE_HASH, hashPassword, verifyPassword } from '@/lib/server/auth/password';

describe('staff password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so one password never gives the same string twice', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('never stores the password itself', async () => {
    expect(await hashPassword('correct horse battery staple')).not.toContain('correct horse battery staple');
  });

  it('matches nothing against the unusable hash', async () => {
    expect(await verifyPassword('', UNUSABLE_HASH)).toBe(false);
    expect(await verifyPassword('anything at all', UNUSABLE_HASH)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$10$abc'],
    ['missing parts', 'scrypt$32768$8$1$salt'],
    ['absurd cost (a denial of service if honoured)', `scrypt$${2 ** 30}$8$1$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`],
    ['non-numeric cost', `scrypt$x$8$1$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`],
    ['short key', 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
  ])('refuses a malformed stored hash (%s) without throwing', async (_name, stored) => {
    await expect(verifyPassword('password', stored)).resolves.toBe(false);
  });
});
