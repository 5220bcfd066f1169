import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '@/lib/safe-redirect';

describe('sameOriginPath (callbackUrl after staff sign-in)', () => {
  it.each([
    ['/admin', '/admin'],
    ['/admin/orders?status=reserved#top', '/admin/orders?status=reserved#top'],
    ['/admin/../login', '/login'],
  ])('keeps the same-origin path %j', (value, expected) => {
    expect(sameOriginPath(value)).toBe(expected);
  });

  it.each([
    '/\\evil.example', // what /login?callbackUrl=/%5Cevil.example decodes to
    '/\t/evil.example', // /%09/evil.example
    '/\n/evil.example',
    '/\r\n/evil.example',
    '//evil.example',
    '/\\/evil.example',
    'https://evil.example/admin',
    'javascript:alert(1)',
    'evil.example',
    '',
  ])('falls back to /admin for %j, which a browser would take off-site', (value) => {
    expect(sameOriginPath(value)).toBe('/admin');
  });

  it('falls back for values that are not strings', () => {
    expect(sameOriginPath(undefined)).toBe('/admin');
    expect(sameOriginPath(['/admin', '//evil.example'])).toBe('/admin');
  });
});
