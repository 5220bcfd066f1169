// Fuzzing GET /api/payments/{reference} and POST /api/payments/{reference}/retry under 1000
// generated references, bodies, header sets and query strings each.
import './next-runtime';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as checkoutPOST } from '@/app/api/checkout/route';
import { GET as statusGET } from '@/app/api/payments/[reference]/route';
import { POST as retryPOST } from '@/app/api/payments/[reference]/retry/route';
import type { PaymentStartedResponse } from '@/lib/shop-api';
import { assertRouteHolds, FUZZ_TIMEOUT, headers, hostileText, junkBody, queryString } from './arbitraries';
import { callRoute, setUpRouteWorld, type RouteCall } from './support';

const getWorld = setUpRouteWorld();
/** A real payment (CREATED: not retryable), so some generated references hit a row. */
let known = '';

beforeAll(async () => {
  const response = await callRoute(checkoutPOST, {
    method: 'POST',
    path: '/api/checkout',
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: [{ sku: 'wool-socks', quantity: 2 }] }),
  });
  expect(response.status).toBe(201);
  known = ((await response.json()) as PaymentStartedResponse).reference;
});

/** References: junk, Vipps-shaped ones nobody issued, the real one, and the real one one character off. */
const reference = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: hostileText(80) },
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9-]{6,52}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('..', '.', '%2e%2e', '../admin', 'fb-100001-1', '\u0000', ' '.repeat(9), 'a'.repeat(51)),
  },
  { weight: 1, arbitrary: fc.constant(null).map(() => known) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([at, c]) => {
      const i = at % known.length;
      return known.slice(0, i) + c + known.slice(i + 1);
    }),
  },
);

function call(method: 'GET' | 'POST', ref: string, extra: Partial<RouteCall> = {}): RouteCall {
  const suffix = method === 'POST' ? '/retry' : '';
  return {
    method,
    // A URL cannot carry a lone surrogate (encodeURIComponent throws); the handler's params still get it raw.
    path: `/api/payments/${encodeURIComponent(ref.replace(/\p{Cs}/gu, '\uFFFD'))}${suffix}`,
    params: { reference: ref },
    ...extra,
  };
}

describe('GET /api/payments/{reference}, fuzzed', FUZZ_TIMEOUT, () => {
  it('generated references', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      statusGET,
      reference.map((ref) => call('GET', ref)),
    );
    expect(statuses.get(404)).toBeGreaterThan(500);
    expect(statuses.get(200)).toBeGreaterThan(0);
  });

  it('generated headers', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      statusGET,
      fc.tuple(reference, headers).map(([ref, h]) => call('GET', ref, { headers: h })),
    );
  });

  it('generated query strings', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      statusGET,
      fc
        .tuple(reference, queryString)
        .map(([ref, query]) => ({ ...call('GET', ref), path: call('GET', ref).path + query })),
    );
  });
});

describe('POST /api/payments/{reference}/retry, fuzzed', FUZZ_TIMEOUT, () => {
  it('generated bodies (ignored) and references: a payment that may not be retried gets nothing new', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      retryPOST,
      fc.tuple(reference, junkBody).map(([ref, body]) => call('POST', ref, { body })),
    );
    expect(statuses.get(409)).toBeGreaterThan(0);
  });

  it('generated headers', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      retryPOST,
      fc.tuple(reference, headers).map(([ref, h]) => call('POST', ref, { headers: h, body: '{}' })),
    );
  });

  it('generated query strings', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      retryPOST,
      fc
        .tuple(reference, queryString)
        .map(([ref, query]) => ({ ...call('POST', ref), path: call('POST', ref).path + query })),
    );
  });
});
