// fast-check generators for what an attacker or a broken client can send to a route: bodies, headers and
// query strings. Mostly junk, with enough near-misses (right shape, wrong value) to get past the first check.
import fc from 'fast-check';
import { expect } from 'vitest';
import { SEED_PRODUCTS } from '@/lib/server/catalogue/products';
import {
  announcedMoneyRowWrites,
  callRoute,
  expectProblemEnvelope,
  moneyRowCounts,
  moneyRowWrites,
  type RouteCall,
} from './support';
import type { Db } from '@/lib/server/db/core';

/** Header values must be ByteStrings without CR, LF or NUL (fetch refuses others before any handler runs). */
const headerChar = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
);
export const headerValue = fc.oneof(
  fc.string({ unit: headerChar.map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom('', ' ', '0', '-1', '99999999999', 'NaN', 'application/json', 'text/plain', 'null'),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
);

/** Headers our handlers (and next-auth) read, plus random names. */
const KNOWN_HEADERS = [
  'content-type',
  'content-length',
  'idempotency-key',
  'authorization',
  'cookie',
  'host',
  'origin',
  'referer',
  'accept',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'x-ms-date',
  'x-ms-content-sha256',
] as const;
const headerName = fc.oneof(fc.constantFrom(...KNOWN_HEADERS), fc.stringMatching(/^[a-z][a-z0-9-]{0,24}$/));

/** Cookies the app and next-auth read, with junk values (next-auth trusts its callback-url cookie). */
const cookieHeader = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'next-auth.callback-url',
        '__Secure-next-auth.callback-url',
        'next-auth.session-token',
        'next-auth.csrf-token',
        'fjb_staff_device',
        'x',
      ),
      fc.oneof(
        fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{0,40}$/),
        fc.constantFrom('/admin', 'javascript:x', '//evil.example'),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '));

export const headers = fc
  .tuple(fc.dictionary(headerName, headerValue, { maxKeys: 8 }), fc.option(cookieHeader, { nil: undefined }))
  .map(([set, cookie]) => (cookie === undefined ? set : { ...set, cookie }));

/**
 * Text PostgreSQL cannot store or that is not text at all: NUL, the other C0 controls and DEL, lone UTF-16
 * surrogates, mixed with ordinary characters. Every string field of a generated request draws from this now and
 * then; the routes must answer it with a 4xx problem, never let it reach a query.
 */
const hostileChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constant('\u0000') },
  { weight: 2, arbitrary: fc.integer({ min: 0x01, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constant('\u007f') },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);
export const hostileText = (maxLength = 40) => fc.string({ unit: hostileChar, maxLength });

/** A string that certainly holds a NUL or a lone surrogate somewhere in `base` (which may be a valid value). */
export const unstorableVariantOf = (base: fc.Arbitrary<string>) =>
  fc
    .tuple(base, fc.nat(), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u0000\u0000', 'a\uDC00b'))
    .map(([text, at, bad]) => {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, i) + bad + text.slice(i);
    });

/** A query string: key/value pairs, or raw text with broken escapes (`%zz`, lone `&`, `=` without a key). */
export const queryString = fc.oneof(
  fc
    .dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 40 }), headerValue, hostileText()), {
      maxKeys: 6,
    })
    .map((d) => `?${new URLSearchParams(d).toString()}`),
  fc
    .array(fc.constantFrom('a', '=', '&', '%', 'zz', '%00', '%ff', '+', '[]', 'reference', 'error', 'callbackUrl'), {
      maxLength: 12,
    })
    .map((parts) => `?${parts.join('')}`),
);

/** Any JSON value, and text that only looks like JSON. */
export const junkBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  hostileText(200),
  fc.dictionary(hostileText(12), hostileText()).map((d) => JSON.stringify(d)),
  fc.constantFrom('', '{', '[]', 'null', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '\u0000'),
  fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'undefined'),
);

const quantity = fc.oneof(
  fc.integer({ min: -2, max: 101 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, '1', true, [], {}),
);
const cartLine = fc.record(
  {
    sku: fc.oneof(
      fc.constantFrom(...SEED_PRODUCTS.map((p) => p.sku)),
      fc.string({ maxLength: 70 }),
      hostileText(70),
      unstorableVariantOf(fc.constantFrom(...SEED_PRODUCTS.map((p) => p.sku))),
    ),
    quantity,
  },
  { requiredKeys: [] },
);
/** A cart that is nearly right: real SKUs and sane quantities, sometimes one value off or a line repeated. */
const nearlyValidCart = fc
  .record({
    items: fc.array(
      fc.record({
        sku: fc.constantFrom(...SEED_PRODUCTS.map((p) => p.sku)),
        quantity: fc.integer({ min: 0, max: 100 }),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    phoneNumber: fc.option(fc.constantFrom('912 34 567', '+47 912 34 567', '12', '+4791234567890', ''), {
      nil: undefined,
    }),
  })
  .map((body) => JSON.stringify(body));

/** A valid cart but for one SKU or the phone number, which holds a NUL or a lone surrogate: always a 400. */
export const unstorableCart = fc
  .oneof(
    unstorableVariantOf(fc.constantFrom(...SEED_PRODUCTS.map((p) => p.sku))).map((sku) => ({
      items: [{ sku, quantity: 1 }],
    })),
    unstorableVariantOf(fc.constant('912 34 567')).map((phoneNumber) => ({
      items: [{ sku: 'fjord-mug', quantity: 1 }],
      phoneNumber,
    })),
  )
  .map((body) => JSON.stringify(body));

/** Checkout-shaped bodies: most fail validation, a few are valid carts (and must then give 201). */
export const checkoutBody = fc.oneof(
  { weight: 10, arbitrary: junkBody },
  {
    weight: 10,
    arbitrary: fc
      .record(
        {
          items: fc.oneof(fc.array(cartLine, { maxLength: 32 }), junkBody),
          phoneNumber: fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.stringMatching(/^\+?[0-9 ]{0,16}$/),
            fc.integer(),
            hostileText(),
            unstorableVariantOf(fc.constant('912 34 567')),
          ),
          extra: fc.anything({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
  },
  { weight: 1, arbitrary: nearlyValidCart },
  { weight: 1, arbitrary: unstorableCart },
);

/**
 * 1000 requests through a real handler take 7–20 s alone, and npm test runs vitest at low CPU priority beside the
 * browser tests (scripts/test-all.sh), where the same run has taken over 30 s. The property is what is tested;
 * this only stops a hang.
 */
export const FUZZ_TIMEOUT = { timeout: 180_000 };

/**
 * The property every public route must hold for every generated request: below 500, errors in the one
 * envelope, and an error (4xx) writes no row of the money tables (also checked as row counts over the run).
 * Returns how often each status came back, so a test can show its generator reached past the first check.
 */
export async function assertRouteHolds(
  db: Db,
  handler: unknown,
  requests: fc.Arbitrary<RouteCall>,
  numRuns = 1000,
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const countsBefore = await moneyRowCounts(db);
  // Each request compares the announced write count with the value after the request before it. It is taken
  // in `finally`, so a request that threw (while fast-check shrinks a failure) is not blamed on the next.
  let writes = announcedMoneyRowWrites();
  await fc.assert(
    fc.asyncProperty(requests, async (call) => {
      const writesBefore = writes;
      let response: Response;
      try {
        response = await callRoute(handler, call);
      } finally {
        writes = announcedMoneyRowWrites();
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        await expectProblemEnvelope(response);
        expect(writes).toBe(writesBefore);
      } else {
        await response.body?.cancel();
      }
    }),
    { numRuns },
  );
  // The announcements are what the loop trusts, so they are checked against the counter itself: a write that
  // was never announced (a notification lost or folded into another) fails the run here.
  expect(await moneyRowWrites(db)).toBe(announcedMoneyRowWrites());
  const successes = [...statuses].filter(([status]) => status < 400).length;
  if (successes === 0) expect(await moneyRowCounts(db)).toEqual(countsBefore);
  return statuses;
}
