// Fault injection (`/_sim/faults`): error statuses, slow answers, and connections dropped before or after the
// operation took effect; drop-after-commit must commit exactly once and a same-key retry must replay.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paymentBody, startTestSimulator, values, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

const addFault = async (fault: Record<string, unknown>) => {
  const res = await api.control('POST', '/faults', fault);
  expect(res.status).toBe(201);
};

describe('status faults', () => {
  it('the next `count` matching calls get the status, then normal answers resume', async () => {
    await addFault({ operation: 'create', kind: 'status', status: 503, count: 2 });
    const body = paymentBody();
    expect((await api.create(body, { key: 'k1' })).status).toBe(503);
    expect((await api.create(body, { key: 'k1' })).status).toBe(503);
    expect((await api.create(body, { key: 'k1' })).status).toBe(201);
  });

  it('429 comes in the gateway shape with Retry-After', async () => {
    await addFault({ operation: 'get', kind: 'status', status: 429, retryAfterSeconds: 7 });
    const ref = await api.createPayment();
    const res = await api.get(ref);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' });
  });

  it('a reference filter only hits that payment; "*" hits any operation, the token call included', async () => {
    const a = await api.createPayment();
    const b = await api.createPayment();
    await addFault({ operation: 'events', reference: b, kind: 'status', status: 500 });
    expect((await api.events(a)).status).toBe(200);
    expect((await api.events(b)).status).toBe(500);
    await addFault({ operation: '*', kind: 'status', status: 502 });
    const token = await api.request('token', 'POST', '/accesstoken/get', { headers: api.tokenHeaders() });
    expect(token.status).toBe(502);
  });

  it('can be listed and cleared; invalid specs are refused', async () => {
    await addFault({ operation: 'capture', kind: 'status', status: 423 });
    const listed = await api.control<{ operation: string; remaining: number }[]>('GET', '/faults');
    expect(listed.body).toMatchObject([{ operation: 'capture', remaining: 1 }]);
    await api.control('DELETE', '/faults');
    expect((await api.control<unknown[]>('GET', '/faults')).body).toEqual([]);
    expect((await api.control('POST', '/faults', { operation: 'nope', kind: 'status' })).status).toBe(400);
  });

  it('a 5xx is not remembered for the Idempotency-Key: the retry performs the operation', async () => {
    const ref = await api.authorizedPayment(1000);
    await addFault({ operation: 'capture', kind: 'status', status: 500 });
    expect((await api.capture(ref, 100, { key: 'cap' })).status).toBe(500);
    expect((await api.capture(ref, 100, { key: 'cap' })).status).toBe(200);
    expect(values((await api.get(ref)).body).captured).toBe(100);
  });
});

describe('slow', () => {
  it('answers correctly, after the delay', async () => {
    const ref = await api.createPayment();
    await addFault({ operation: 'get', kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const res = await api.get(ref);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(200);
  });
});

describe('dropped connections', () => {
  it('drop-before-commit: fetch rejects and nothing happened; the retry creates the payment', async () => {
    await addFault({ operation: 'create', kind: 'drop-before-commit' });
    const body = paymentBody();
    await expect(api.create(body, { key: 'drop-1' })).rejects.toThrow();
    expect((await api.control('GET', `/payments/${String(body.reference)}`)).status).toBe(404);
    expect((await api.create(body, { key: 'drop-1' })).status).toBe(201);
  });

  it('drop-after-commit on create: the payment exists; the same-key retry replays the 201', async () => {
    await addFault({ operation: 'create', kind: 'drop-after-commit' });
    const body = paymentBody();
    await expect(api.create(body, { key: 'drop-2' })).rejects.toThrow();
    const retry = await api.create(body, { key: 'drop-2' });
    expect(retry.status).toBe(201);
    expect(retry.body.reference).toBe(body.reference);
    expect((await api.events(body.reference as string)).body).toHaveLength(1);
  });

  it('drop-after-commit on capture commits exactly once, and the retry replays the same answer', async () => {
    const ref = await api.authorizedPayment(1000);
    await addFault({ operation: 'capture', reference: ref, kind: 'drop-after-commit' });
    await expect(api.capture(ref, 400, { key: 'cap-drop' })).rejects.toThrow();
    expect(values((await api.get(ref)).body).captured).toBe(400);
    const retry = await api.capture(ref, 400, { key: 'cap-drop' });
    expect(retry.status).toBe(200);
    expect(values(retry.body).captured).toBe(400);
    expect((await api.events(ref)).body.filter((e) => e.name === 'CAPTURED')).toHaveLength(1);
  });
});
