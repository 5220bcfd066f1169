// Vipps' documented rate limits (BRIEF §4), on by default, on the virtual clock: 5 per minute per
// reference and MSN for create, capture, cancel and refund; 120 per minute per reference and subscription key
// for get payment and get events. Excess calls get the gateway's 429 with Retry-After and are not counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config';
import { paymentBody, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

const capture = (ref: string, i: number) => api.capture(ref, 100, { key: `capture-${ref}-${i}` });

function expectRateLimited(res: { status: number; body: unknown; headers: Headers }) {
  expect(res.status).toBe(429);
  const seconds = Number(res.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(res.body).toEqual({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` });
}

describe('rate limits', () => {
  it('the 6th capture of a reference within a minute is a 429, not counted; a minute later it works', async () => {
    const ref = await api.authorizedPayment();
    for (let i = 1; i <= 5; i++) expect((await capture(ref, i)).status).toBe(200);
    expectRateLimited(await capture(ref, 6));
    expect((await api.get(ref)).body.aggregate.capturedAmount.value).toBe(500);

    await api.advanceClock(60);
    expect((await capture(ref, 6)).status).toBe(200);
  });

  it('each operation and each reference has its own budget', async () => {
    const ref = await api.authorizedPayment();
    const other = await api.authorizedPayment();
    for (let i = 1; i <= 5; i++) expect((await capture(ref, i)).status).toBe(200);
    expect((await capture(other, 1)).status).toBe(200);
    expect((await api.refund(ref, 100, { key: `refund-${ref}` })).status).toBe(200);
    expect((await api.cancel(ref, { key: `cancel-${ref}` })).status).toBe(200);
  });

  it('create counts per reference, retries and refusals included', async () => {
    const body = paymentBody();
    for (let i = 1; i <= 5; i++)
      expect((await api.create(body, { key: `create-${i}` })).status).toBe(i === 1 ? 201 : 409);
    expectRateLimited(await api.create(body, { key: 'create-6' }));
    expect((await api.create(paymentBody(), { key: 'create-other' })).status).toBe(201);
  });

  it('get payment and get events allow 120 a minute each', async () => {
    const ref = await api.createPayment();
    const gets = await Promise.all(Array.from({ length: 120 }, () => api.get(ref)));
    expect(gets.every((res) => res.status === 200)).toBe(true);
    expectRateLimited(await api.get(ref));
    expect((await api.events(ref)).status).toBe(200);
    await api.advanceClock(60);
    expect((await api.get(ref)).status).toBe(200);
  });

  it('the control API turns them off and on; reset keeps the choice', async () => {
    expect((await api.control('GET', '/rate-limits')).body).toEqual({ enabled: true });
    expect((await api.control('POST', '/rate-limits', { enabled: false })).body).toEqual({ enabled: false });
    await api.reset();
    const ref = await api.authorizedPayment();
    for (let i = 1; i <= 8; i++) expect((await capture(ref, i)).status).toBe(200);
    // Calls made while they were off are not counted: the budget starts when they are switched on again.
    await api.control('POST', '/rate-limits', { enabled: true });
    for (let i = 9; i <= 13; i++) expect((await capture(ref, i)).status).toBe(200);
    expectRateLimited(await capture(ref, 14));
    expect((await api.control('POST', '/rate-limits', { enabled: 'no' })).status).toBe(400);
  });

  it('SIM_RATE_LIMITS=off switches them off from the start', () => {
    expect(configFromEnv({ SIM_RATE_LIMITS: 'off' })).toMatchObject({ rateLimits: false });
    expect(() => configFromEnv({ SIM_RATE_LIMITS: 'maybe' })).toThrow(/SIM_RATE_LIMITS="maybe": must be on or off/);
  });
});
