import { expect, test } from './support/fixtures';

type WithHeaders = { headers(): Record<string, string> };

// Review finding: responses carried no security headers at all. These pin what every page and API answers.
function expectCommonHeaders(response: WithHeaders) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

function csp(response: WithHeaders): Map<string, string> {
  const value = response.headers()['content-security-policy'] ?? '';
  return new Map(value.split(';').map((d) => d.trim().split(/\s+(.*)/s) as [string, string]));
}

test.describe('security headers', () => {
  for (const path of [
    '/',
    '/login',
    '/products/fjord-mug',
    '/cart',
    '/checkout',
    '/return?reference=fb-csp-check-0001',
  ]) {
    test(`${path} runs under a nonce CSP with no violations`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(path);
      expect(response).not.toBeNull();
      expectCommonHeaders(response!);
      const policy = csp(response!);
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('script-src')).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
      expect(response!.headers()['strict-transport-security']).toBeUndefined();
      // Hydrated React works under the policy: the page's scripts ran.
      await page.waitForLoadState('networkidle');
      const scripts = await page
        .locator('script')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((nonce) => Boolean(nonce))).toBe(true);
      expect(violations).toEqual([]);
    });
  }

  test('the login form works under the CSP (a client-side sign-in error renders)', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('csp-check@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toBeVisible();
  });

  test('a new nonce on every response', async ({ request }) => {
    const first = (await request.get('/login')).headers()['content-security-policy'];
    const second = (await request.get('/login')).headers()['content-security-policy'];
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });

  test('API answers and static files carry them too', async ({ request }) => {
    const api = await request.get('/api/health');
    expectCommonHeaders(api);
    expect(csp(api).get('frame-ancestors')).toBe("'none'");
    expectCommonHeaders(await request.get('/products/fjord-mug.svg'));
  });

  // The answers that are not pages carry them too — errors, redirects and Next's own chunks.
  test('error answers and the sign-in redirect carry them', async ({ request }) => {
    const notFound = await request.get('/api/payments/fb-unknown-reference-0001');
    expect(notFound.status()).toBe(404);
    expect(notFound.headers()['content-type']).toBe('application/problem+json');
    expectCommonHeaders(notFound);
    expect(csp(notFound).get('frame-ancestors')).toBe("'none'");
    const redirect = await request.get('/admin', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectCommonHeaders(redirect);
    expect(csp(redirect).get('frame-ancestors')).toBe("'none'");
  });

  test("Next's script chunks are not sniffed or framed", async ({ page, request }) => {
    await page.goto('/');
    const chunk = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
    expect(chunk).toBeTruthy();
    const response = await request.get(chunk!);
    expect(response.status()).toBe(200);
    expectCommonHeaders(response);
  });

  test('HSTS only when the request came over https', async ({ request }) => {
    const viaTls = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(csp(viaTls).has('upgrade-insecure-requests')).toBe(true);
  });
});

test.describe('admin API gate', () => {
  // Review finding: proxy.ts guarded only /admin, so an /api/admin route added later would be open by default.
  for (const path of ['/api/admin', '/api/admin/orders', '/api/admin/orders/123/capture']) {
    test(`signed out, ${path} answers 401 problem+json`, async ({ request }) => {
      const response = await request.post(path, { data: {}, maxRedirects: 0 });
      expect(response.status()).toBe(401);
      expect(response.headers()['content-type']).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    });
  }
});
