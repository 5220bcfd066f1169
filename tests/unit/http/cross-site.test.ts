import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, ownOrigins } from '@/lib/server/http/cross-site';

const SHOP = ownOrigins({ PUBLIC_BASE_URL: 'http://localhost:3000', NEXTAUTH_URL: 'https://shop.example.com/' });
const CAPTURE = 'http://localhost:3000/api/admin/payments/abc/capture';

function verdict(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const refusal = crossSiteRefusal({ method: init.method ?? 'POST', url, headers: new Headers(init.headers) }, SHOP);
  return refusal ? { status: refusal.status, code: refusal.code } : 'allowed';
}

describe('ownOrigins', () => {
  it('takes scheme, host and port of PUBLIC_BASE_URL and NEXTAUTH_URL', () => {
    expect([...SHOP]).toEqual(['http://localhost:3000', 'https://shop.example.com']);
    expect([...ownOrigins({ PUBLIC_BASE_URL: 'http://localhost:3000/shop' })]).toEqual(['http://localhost:3000']);
  });
});

describe('crossSiteRefusal', () => {
  const json = { 'content-type': 'application/json' };

  it('lets the shop’s own pages change things', () => {
    expect(
      verdict(CAPTURE, { headers: { ...json, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' } }),
    ).toBe('allowed');
    expect(verdict(CAPTURE, { headers: { ...json, origin: 'https://shop.example.com' } })).toBe('allowed');
    expect(
      verdict(CAPTURE, {
        headers: { 'content-type': 'application/json; charset=UTF-8', 'sec-fetch-site': 'same-origin' },
      }),
    ).toBe('allowed');
  });

  it('refuses another origin: another port of the same host, another host, an opaque origin', () => {
    const refused = { status: 403, code: 'cross_site_request' };
    for (const origin of ['http://localhost:3005', 'http://evil.example', 'https://localhost:3000', 'null']) {
      expect(verdict(CAPTURE, { headers: { ...json, origin } }), origin).toEqual(refused);
    }
    // The attack from the review: an auto-submitted text/plain form on another port (same site).
    expect(
      verdict(CAPTURE, {
        headers: { 'content-type': 'text/plain', origin: 'http://localhost:3005', 'sec-fetch-site': 'same-site' },
      }),
    ).toEqual(refused);
  });

  it('without Origin, trusts Sec-Fetch-Site only when it says same-origin or none', () => {
    expect(verdict(CAPTURE, { headers: { ...json, 'sec-fetch-site': 'same-site' } })).toMatchObject({ status: 403 });
    expect(verdict(CAPTURE, { headers: { ...json, 'sec-fetch-site': 'cross-site' } })).toMatchObject({ status: 403 });
    expect(verdict(CAPTURE, { headers: { ...json, 'sec-fetch-site': 'none' } })).toBe('allowed');
  });

  it('lets a request with neither header through (not a browser, so no one else’s cookie)', () => {
    expect(verdict(CAPTURE, { headers: json })).toBe('allowed');
    expect(verdict('http://localhost:3000/api/checkout', { headers: { 'content-type': 'text/plain' } })).toBe(
      'allowed',
    );
  });

  it('covers the shop’s checkout and retry and next-auth’s own sign-in and sign-out (login CSRF)', () => {
    const foreign = { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of [
      '/api/checkout',
      '/api/payments/r-1/retry',
      '/api/auth/callback/credentials',
      '/api/auth/signout',
    ]) {
      expect(verdict(`http://localhost:3000${path}`, { headers: foreign }), path).toMatchObject({ status: 403 });
    }
  });

  it('accepts only application/json on admin API writes (415), after the origin check', () => {
    const unsupported = { status: 415, code: 'unsupported_media_type' };
    expect(verdict(CAPTURE, { headers: { 'content-type': 'text/plain' } })).toEqual(unsupported);
    expect(verdict(CAPTURE, { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toEqual(unsupported);
    expect(verdict(CAPTURE)).toEqual(unsupported);
    expect(
      verdict(CAPTURE, { headers: { origin: 'http://evil.example', 'content-type': 'text/plain' } }),
    ).toMatchObject({
      status: 403,
    });
    // The shop's own checkout is not an admin route: its handler reads JSON whatever the header says.
    expect(verdict('http://localhost:3000/api/checkout', { headers: { origin: 'http://localhost:3000' } })).toBe(
      'allowed',
    );
  });

  it('passes safe methods and the HMAC-signed Vipps webhook, whatever their headers', () => {
    const foreign = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(verdict('http://localhost:3000/api/admin/exports/orders', { method, headers: foreign }), method).toBe(
        'allowed',
      );
    }
    expect(verdict('http://localhost:3000/api/webhooks/vipps', { headers: foreign })).toBe('allowed');
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect(verdict(CAPTURE, { method, headers: { ...json, ...foreign } }), method).toMatchObject({ status: 403 });
    }
  });
});
