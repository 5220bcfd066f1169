// A simulator run that nobody resets must not grow for ever. Thousands of payments (create, force approve,
// capture) through the real routes, in-process; every store stays at or under its configured cap, and the
// idempotency store keeps a hash of each body, not the body. Heap figures: bench/simulator-memory.ts.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/epayment/idempotency';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';
import { createSimulator, type Simulator } from '../../src/server';
import { eventually } from '../support/eventually';
import { paymentBody } from '../support/sim-client';
import { makeSim, paymentEvent } from '../webhooks/helpers';

/**
 * Several times the payment cap is enough to prove the bound: 7× the payments and 8× the idempotency keys (two
 * per payment), the same multiples as 2 000 payments over caps of 300 and 500 had, at a third of the CPU time
 * (this suite shares 2 cores with every other test). bench/simulator-memory.ts runs 10 000 with heap figures.
 */
const PAYMENTS = 700;
const CAPS = { maxPayments: 100, maxIdempotencyKeys: 175, maxTokens: 5, maxWebhookDeliveries: 50 };
let sim: Simulator;
beforeAll(() => {
  sim = createSimulator({ logLevel: 'silent', ...CAPS });
});
afterAll(() => sim.close());

async function token(): Promise<string> {
  const res = await sim.app.request('/accesstoken/get', {
    method: 'POST',
    headers: {
      client_id: SIMULATOR_CREDENTIALS.clientId,
      client_secret: SIMULATOR_CREDENTIALS.clientSecret,
      'Ocp-Apim-Subscription-Key': SIMULATOR_CREDENTIALS.subscriptionKey,
    },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('store bounds', () => {
  it('700 payments leave every store at or under its cap, and the newest payments readable', async () => {
    for (let i = 0; i < 2 * CAPS.maxTokens; i++) await token();
    const headers = {
      Authorization: `Bearer ${await token()}`,
      'Ocp-Apim-Subscription-Key': SIMULATOR_CREDENTIALS.subscriptionKey,
      'Merchant-Serial-Number': SIMULATOR_CREDENTIALS.msn,
      'Content-Type': 'application/json',
    };
    const post = (path: string, body: unknown, key?: string) =>
      sim.app.request(path, {
        method: 'POST',
        headers: { ...headers, ...(key && { 'Idempotency-Key': key }) },
        body: JSON.stringify(body),
      });
    let last = '';
    for (let i = 0; i < PAYMENTS; i++) {
      last = `bounded-${String(i).padStart(6, '0')}`;
      expect((await post('/epayment/v1/payments', paymentBody({ reference: last }), `c-${i}`)).status).toBe(201);
      expect((await post(`/epayment/v1/test/payments/${last}/approve`, {})).status).toBe(200);
      const capture = { modificationAmount: { currency: 'NOK', value: 24900 } };
      expect((await post(`/epayment/v1/payments/${last}/capture`, capture, `k-${i}`)).status).toBe(200);
    }
    expect(sim.store.size).toBeLessThanOrEqual(CAPS.maxPayments);
    expect(sim.idempotency.size).toBeLessThanOrEqual(CAPS.maxIdempotencyKeys);
    expect(sim.tokens.size).toBeLessThanOrEqual(CAPS.maxTokens);
    expect(sim.store.get(SIMULATOR_CREDENTIALS.msn, last)?.capturedValue).toBe(24900);
    expect(sim.store.get(SIMULATOR_CREDENTIALS.msn, 'bounded-000000')).toBeUndefined();
  }, 120_000);

  it('unfinished (CREATED) payments are kept while finished ones can go', () => {
    const fresh = createSimulator({ logLevel: 'silent', maxPayments: 10 });
    // Reuse one payment record shape from the running simulator; only state and identity differ.
    const template = sim.store.all()[0];
    if (!template) throw new Error('the previous test left no payment');
    const add = (reference: string, state: 'CREATED' | 'EXPIRED') =>
      fresh.store.add({ ...template, reference, linkToken: reference, state, authorizedValue: 0, capturedValue: 0 });
    add('waiting-00', 'CREATED');
    for (let i = 1; i <= 20; i++) add(`finished-${String(i).padStart(2, '0')}`, 'EXPIRED');
    expect(fresh.store.size).toBeLessThanOrEqual(10);
    expect(fresh.store.get(template.msn, 'waiting-00')).toBeDefined();
    expect(fresh.store.byLinkToken('finished-01')).toBeUndefined();
    return fresh.close();
  });

  it('webhook delivery records stay under their cap once delivered', async () => {
    const hooks = makeSim({ maxDeliveries: 50, fetch: () => Promise.resolve(new Response(null, { status: 200 })) });
    await hooks.register('https://shop.example/hooks', ['epayments.payment.created.v1']);
    // In batches, each delivered before the next (as a live shop answers): pending records are never dropped.
    for (let batch = 0; batch < 10; batch++) {
      const refs = Array.from({ length: 50 }, (_, i) => `hook-ref-${batch}-${i}`);
      for (const ref of refs) hooks.service.publish(paymentEvent('CREATED', ref));
      await eventually(async () => {
        const pending = (await hooks.deliveries()).filter((d) => d.state === 'pending');
        expect(pending).toHaveLength(0);
      });
    }
    expect((await hooks.deliveries()).length).toBeLessThanOrEqual(50);
    await hooks.service.close();
  });

  it('bodies without Content-Length do not leak through the body limit (was ~2 kB per request)', async () => {
    // gc() from a fresh context once the flag is set: the usual way to reach it without --expose-gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfter = async (requests: number) => {
      // app.request sends no Content-Length, so every call takes the counted-stream path.
      for (let i = 0; i < requests; i++) await sim.app.request('/nowhere', { method: 'POST', body: '{"a":1}' });
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = await heapAfter(500);
    const after = await heapAfter(4_000);
    expect((after - before) / 2 ** 20).toBeLessThan(3); // the leak grew ~7.5 MB here
  });

  it('the idempotency store keeps a fixed-size hash of the body, not the body', () => {
    const big = { paymentDescription: 'x'.repeat(500_000) };
    expect(fingerprintOf(big)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf({ a: 1, b: [2, { c: 3, d: 4 }] })).toBe(fingerprintOf({ b: [2, { d: 4, c: 3 }], a: 1 }));
  });
});
