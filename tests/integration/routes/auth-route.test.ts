// Regressions from fuzzing next-auth's catch-all route: each of these was a 500 or a
// plain-text error before lib/server/auth/auth-route.ts; the login form's own flows must still work.
import './next-runtime';
import { seedDemoStaff } from '@/lib/server/auth/staff-accounts';
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';
import { loginThrottle } from '@/lib/server/db/schema';
import { demoStaff } from '../../support/demo-staff';
import { callRoute, expectProblemEnvelope, setUpRouteWorld, type RouteCall } from './support';

const getWorld = setUpRouteWorld();
const form = { 'content-type': 'application/x-www-form-urlencoded' };

const auth = (method: 'GET' | 'POST', path: string, extra: Partial<RouteCall> = {}): RouteCall => ({
  method,
  path: `/api/auth/${path}`,
  params: { nextauth: path.split('?')[0]!.split('/') },
  ...extra,
});

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await callRoute(GET, auth('GET', 'csrf'));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: response.headers.get('set-cookie')!.split(';')[0]! };
}

describe('next-auth route: what used to crash', () => {
  it.each([
    ['GET callback/credentials (was 500)', auth('GET', 'callback/credentials'), 404],
    ['GET an unknown action (was plain-text 400)', auth('GET', 'nope'), 404],
    [
      'POST an unknown action with an empty JSON body (was 500)',
      auth('POST', 'a', { body: '', headers: { 'content-type': 'application/json' } }),
      404,
    ],
    [
      'POST the credentials callback as JSON (was 500)',
      auth('POST', 'callback/credentials', { body: '{', headers: { 'content-type': 'application/json' } }),
      400,
    ],
    [
      'POST session with a form (was a plain-text "[object Object]")',
      auth('POST', 'session', { body: 'a=1', headers: form }),
      400,
    ],
    [
      'POST session with broken JSON',
      auth('POST', 'session', { body: '{', headers: { 'content-type': 'application/json' } }),
      400,
    ],
    ['GET session?callbackUrl=a (was 500)', auth('GET', 'session?callbackUrl=a'), 400],
    [
      'a junk callback-url cookie (was 500)',
      auth('GET', 'providers', { headers: { cookie: 'next-auth.callback-url=a' } }),
      400,
    ],
  ])('%s', async (_what, call, status) => {
    const response = await callRoute(call.method === 'GET' ? GET : POST, call);
    expect(response.status).toBe(status);
    await expectProblemEnvelope(response);
  });
});

describe('next-auth route: what must keep working', () => {
  it("a wrong password is a 401 problem that still carries next-auth's error url for signIn()", async () => {
    const { token, cookie } = await csrf();
    const body = new URLSearchParams({ email: 'staff@example.com', password: 'wrong', csrfToken: token, json: 'true' });
    const response = await callRoute(
      POST,
      auth('POST', 'callback/credentials', { body: body.toString(), headers: { ...form, cookie } }),
    );
    expect(response.status).toBe(401);
    const clone = response.clone();
    await expectProblemEnvelope(response);
    expect(((await clone.json()) as { url: string }).url).toContain('error=CredentialsSignin');
    await getWorld().handle.db.delete(loginThrottle);
  });

  it('the right password signs in (a session cookie comes back)', async () => {
    await seedDemoStaff(getWorld().handle.db);
    const { token, cookie } = await csrf();
    const body = new URLSearchParams({
      ...demoStaff('operator'),
      csrfToken: token,
      json: 'true',
    });
    const response = await callRoute(
      POST,
      auth('POST', 'callback/credentials', { body: body.toString(), headers: { ...form, cookie } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('next-auth.session-token=');
  });

  it('a same-site callbackUrl is accepted', async () => {
    expect((await callRoute(GET, auth('GET', 'session?callbackUrl=%2Fadmin'))).status).toBe(200);
  });
});
