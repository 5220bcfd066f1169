import { describe, expect, it } from 'vitest';
import { deviceIdFromToken, issueDeviceToken } from '@/lib/server/auth/device-cookie';

const SECRET = 'x'.repeat(32);

describe('device cookie', () => {
  it('recognises a token issued for the same account, case-insensitively', () => {
    const token = issueDeviceToken(SECRET, 'Staff@Example.com');
    expect(deviceIdFromToken(SECRET, 'staff@example.com', token)).toBe(token.split('.')[0]);
  });

  it.each([
    ['another account', (t: string) => [SECRET, 'other@example.com', t] as const],
    ['another secret', (t: string) => ['y'.repeat(32), 'staff@example.com', t] as const],
    ['a changed signature', (t: string) => [SECRET, 'staff@example.com', `${t.slice(0, -2)}AA`] as const],
    ['a missing signature', (t: string) => [SECRET, 'staff@example.com', t.split('.')[0]] as const],
    ['an extra part', (t: string) => [SECRET, 'staff@example.com', `${t}.x`] as const],
    ['no token', () => [SECRET, 'staff@example.com', undefined] as const],
  ])('refuses %s', (_what, args) => {
    const [secret, email, token] = args(issueDeviceToken(SECRET, 'staff@example.com'));
    expect(deviceIdFromToken(secret, email, token)).toBeUndefined();
  });
});
