// "Try again" creates a payment at Vipps just as a checkout does, so both spend one per-address budget
// (lib/server/http/checkout-limit.ts): a shopper cannot keep creating payments by retrying instead.
import './next-runtime';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as checkoutPOST } from '@/app/api/checkout/route';
import { POST as retryPOST } from '@/app/api/payments/[reference]/retry/route';
import { queryRows } from '@/lib/server/db/rows';
import { PEER_ADDRESS_HEADER } from '@/lib/server/http/client-address';
import type { PaymentStartedResponse } from '@/lib/shop-api';
import { callRoute, expectProblemEnvelope, moneyRowWrites, setUpRouteWorld } from './support';

const getWorld = setUpRouteWorld();
/** setUpRouteWorld's limit: high for the fuzzers, so this file uses it up by setting the count directly. */
const LIMIT = 100_000;
const ADDRESS = '203.0.113.44';
const KEY = `checkout:${ADDRESS}`;
const from = (address: string) => ({ [PEER_ADDRESS_HEADER]: address });

const checkout = (address = ADDRESS) =>
  callRoute(checkoutPOST, {
    method: 'POST',
    path: '/api/checkout',
    headers: { ...from(address), 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: [{ sku: 'wool-socks', quantity: 1 }] }),
  });
const retry = (reference: string, address = ADDRESS) =>
  callRoute(retryPOST, {
    method: 'POST',
    path: `/api/payments/${reference}/retry`,
    headers: from(address),
    params: { reference },
  });
const hits = async () =>
  (
    await queryRows<{ hits: number }>(getWorld().handle.db, sql`select hits from rate_limit_windows where key = ${KEY}`)
  )[0]?.hits ?? 0;

let reference = '';
beforeAll(async () => {
  const response = await checkout();
  expect(response.status).toBe(201);
  reference = ((await response.json()) as PaymentStartedResponse).reference;
});

describe('POST /api/payments/{reference}/retry and the checkout limit', () => {
  it('counts each retry against the address’s checkout budget (but not a reference that cannot be ours)', async () => {
    const before = await hits();
    expect(before).toBeGreaterThanOrEqual(1);
    // The payment is still open, so there is nothing to retry: refused, and still counted, as a checkout is.
    expect((await retry(reference)).status).toBe(409);
    expect(await hits()).toBe(before + 1);
    expect((await retry('../x')).status).toBe(404);
    expect(await hits()).toBe(before + 1);
  });

  it('refuses a retry with 429 once checkouts have used the budget, before anything is written, and vice versa', async () => {
    await getWorld().handle.db.execute(sql`update rate_limit_windows set hits = ${LIMIT} where key = ${KEY}`);
    const writes = await moneyRowWrites(getWorld().handle.db);
    const refused = await retry(reference);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await expectProblemEnvelope(refused)).toMatchObject({ code: 'too_many_attempts' });
    expect((await checkout()).status).toBe(429);
    expect(await moneyRowWrites(getWorld().handle.db)).toBe(writes);
    // Another address has its own budget.
    expect((await retry(reference, '198.51.100.9')).status).toBe(409);
  });
});
