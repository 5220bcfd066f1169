// Fuzzing POST /api/checkout under 1000 generated bodies, header sets and query strings each.
import './next-runtime';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/checkout/route';
import {
  assertRouteHolds,
  checkoutBody,
  FUZZ_TIMEOUT,
  headers,
  headerValue,
  queryString,
  unstorableCart,
} from './arbitraries';
import { setUpRouteWorld } from './support';

const getWorld = setUpRouteWorld();
const VALID_BODY = JSON.stringify({ items: [{ sku: 'fjord-mug', quantity: 1 }] });
const REUSED_KEYS = [randomUUID(), randomUUID(), randomUUID()];
const json = { 'content-type': 'application/json' };

describe('POST /api/checkout, fuzzed', FUZZ_TIMEOUT, () => {
  it('generated bodies: never 5xx, errors are problems, a refused cart writes nothing', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      checkoutBody.map((body) => ({
        method: 'POST',
        path: '/api/checkout',
        headers: { ...json, 'idempotency-key': randomUUID() },
        body,
      })),
    );
    // The generator reaches both sides: validation refusals and real checkouts.
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(201)).toBeGreaterThan(0);
  });

  it('generated carts holding a NUL or a lone surrogate: every one a 400 problem, nothing written', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      unstorableCart.map((body) => ({
        method: 'POST',
        path: '/api/checkout',
        headers: { ...json, 'idempotency-key': randomUUID() },
        body,
      })),
      300,
    );
    expect([...statuses.keys()]).toEqual([400]);
  });

  it('generated headers (Idempotency-Key, content-type, content-length, …)', async () => {
    const refusedCart = JSON.stringify({ items: [{ sku: 'not-in-the-catalogue', quantity: 1 }] });
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      fc
        .oneof(
          // Keys near the allowed UUID v4 form (short, long, another version, no dashes), with a cart that passes
          // the schema and is refused by the catalogue: the whole handler runs, and nothing may be written.
          {
            weight: 30,
            arbitrary: fc.record({
              headers,
              key: fc.oneof(
                { weight: 9, arbitrary: headerValue },
                { weight: 1, arbitrary: fc.stringMatching(/^([A-Za-z0-9-]{6,8}|[A-Za-z0-9-]{30,40})$/) },
                { weight: 1, arbitrary: fc.uuid() },
                { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
              ),
              body: fc.constant(refusedCart),
            }),
          },
          // A few fixed valid keys with a valid cart: created once, then answered again (a new key would be a
          // new checkout each time, which is slow and tested with the bodies above).
          {
            weight: 1,
            arbitrary: fc.record({ headers, key: fc.constantFrom(...REUSED_KEYS), body: fc.constant(VALID_BODY) }),
          },
        )
        .map((h) => ({
          method: 'POST',
          path: '/api/checkout',
          headers: { 'idempotency-key': h.key, ...h.headers },
          body: h.body,
        })),
    );
    expect(statuses.get(400)).toBeGreaterThan(500);
  });

  it('generated query strings are ignored, never a crash', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      POST,
      fc.tuple(queryString, fc.constantFrom('', 'x')).map(([query, keySuffix]) => ({
        method: 'POST',
        path: `/api/checkout${query}`,
        // Half with a key the handler refuses: the query must not change that either.
        headers: { ...json, 'idempotency-key': keySuffix ? 'short' : randomUUID() },
        body: '{"items":[]}',
      })),
    );
  });
});
