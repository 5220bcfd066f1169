// Fuzzing next-auth's catch-all (GET and POST /api/auth/...) and GET /api/health under 1000
// generated bodies, header sets and query strings each.
import './next-runtime';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { GET as authGET, POST as authPOST } from '@/app/api/auth/[...nextauth]/route';
import { GET as healthGET } from '@/app/api/health/route';
import { loginThrottle } from '@/lib/server/db/schema';
import { assertRouteHolds, FUZZ_TIMEOUT, headers, junkBody, queryString } from './arbitraries';
import { setUpRouteWorld, type RouteCall } from './support';

const getWorld = setUpRouteWorld();

/** next-auth's actions, its providers' segments, and made-up ones. */
const segments: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constantFrom(
    ['session'],
    ['csrf'],
    ['providers'],
    ['signin'],
    ['signin', 'credentials'],
    ['signout'],
    ['callback', 'credentials'],
    ['callback', 'nope'],
    ['error'],
    ['_log'],
    ['verify-request'],
  ),
  fc.array(fc.stringMatching(/^[A-Za-z0-9._~-]{1,16}$/), { minLength: 1, maxLength: 3 }),
);

/** Form bodies as the login form sends them, with junk values; and bodies that are not forms at all. */
const formBody = fc.oneof(
  fc
    .record(
      {
        email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 250 })),
        password: fc.string({ maxLength: 250 }),
        csrfToken: fc.string({ maxLength: 80 }),
        callbackUrl: fc.oneof(fc.webUrl(), fc.string({ maxLength: 60 }), fc.constant('//evil.example')),
        json: fc.constantFrom('true', 'false', ''),
      },
      { requiredKeys: [] },
    )
    .map((form) => ({ body: new URLSearchParams(form).toString(), type: 'application/x-www-form-urlencoded' })),
  junkBody.map((body) => ({ body, type: 'application/json' })),
  junkBody.map((body) => ({ body, type: 'multipart/form-data; boundary=x' })),
);

const authCall = (method: 'GET' | 'POST', nextauth: readonly string[], extra: Partial<RouteCall> = {}): RouteCall => ({
  method,
  path: `/api/auth/${nextauth.map(encodeURIComponent).join('/')}`,
  params: { nextauth: [...nextauth] },
  ...extra,
});

describe('/api/auth/[...nextauth], fuzzed', FUZZ_TIMEOUT, () => {
  it('generated POST bodies', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      authPOST,
      fc
        .tuple(segments, formBody)
        .map(([nextauth, form]) =>
          authCall('POST', nextauth, { body: form.body, headers: { 'content-type': form.type } }),
        ),
    );
    // Sign-in attempts are counted on purpose (the throttle); clear them for the next property.
    await getWorld().handle.db.delete(loginThrottle);
  });

  it('generated headers, GET and POST', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      (request: Request, context: never) => (request.method === 'GET' ? authGET : authPOST)(request, context),
      fc
        .tuple(segments, headers, fc.constantFrom('GET' as const, 'POST' as const))
        .map(([nextauth, h, method]) =>
          authCall(
            method,
            nextauth,
            method === 'POST' ? { headers: h, body: 'email=a%40b.c&password=x' } : { headers: h },
          ),
        ),
    );
    await getWorld().handle.db.delete(loginThrottle);
  });

  it('generated query strings, GET', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      authGET,
      fc.tuple(segments, queryString).map(([nextauth, query]) => {
        const call = authCall('GET', nextauth);
        return { ...call, path: call.path + query };
      }),
    );
  });
});

describe('GET /api/health, fuzzed', FUZZ_TIMEOUT, () => {
  it('generated headers and query strings', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      healthGET,
      fc.tuple(headers, queryString).map(([h, query]) => ({ method: 'GET', path: `/api/health${query}`, headers: h })),
    );
  });
});
