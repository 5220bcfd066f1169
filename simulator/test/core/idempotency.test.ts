// Idempotency (BRIEF §3): per (MSN, operation, reference); same key + same body replays status and body,
// 4xx included; same key + different body → 409 with the operation's code; a new key on an existing reference → 409.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf, paymentBody, startTestSimulator, values, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

describe('create', () => {
  it('same key + same body replays the 201 and creates one payment', async () => {
    const body = paymentBody();
    const first = await api.create(body, { key: 'create-1' });
    const again = await api.create({ ...body }, { key: 'create-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await api.events(body.reference as string)).body).toHaveLength(1);
  });

  it('key order in the JSON body does not matter', async () => {
    const body = paymentBody();
    await api.create(body, { key: 'create-2' });
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    expect((await api.create(reversed, { key: 'create-2' })).status).toBe(201);
  });

  it('same key + different body → 409 with 4020', async () => {
    const body = paymentBody();
    await api.create(body, { key: 'create-3' });
    const res = await api.create({ ...body, paymentDescription: 'Something else' }, { key: 'create-3' });
    expect(res.status).toBe(409);
    expect(errorCodeOf(res.body)).toBe('4020');
  });

  it('a new key for an existing reference → 409 "Reference … already exists" with 4150', async () => {
    const body = paymentBody();
    await api.create(body, { key: 'create-4' });
    const res = await api.create(body, { key: 'create-5' });
    expect(res.status).toBe(409);
    expect(errorCodeOf(res.body)).toBe('4150');
    expect(res.body).toMatchObject({ detail: `Reference ${String(body.reference)} already exists.` });
  });

  it('a 4xx stays the same 4xx for that key (status and body replayed)', async () => {
    const body = paymentBody({ amount: { currency: 'NOK', value: 50 } });
    const first = await api.create(body, { key: 'create-6' });
    const again = await api.create(body, { key: 'create-6' });
    expect(first.status).toBe(400);
    expect(again).toMatchObject({ status: 400, body: first.body });
  });
});

describe('capture, refund, cancel', () => {
  it('capture replay: same status and body, money moves once', async () => {
    const ref = await api.authorizedPayment(1000);
    const first = await api.capture(ref, 400, { key: 'cap-1' });
    const again = await api.capture(ref, 400, { key: 'cap-1' });
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(values((await api.get(ref)).body).captured).toBe(400);
  });

  it('capture with the same key and a different amount → 409 4010', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 400, { key: 'cap-2' });
    const res = await api.capture(ref, 500, { key: 'cap-2' });
    expect(res.status).toBe(409);
    expect(errorCodeOf(res.body)).toBe('4010');
  });

  it('refund with the same key and a different amount → 409 4150; replay moves money once', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 1000);
    const first = await api.refund(ref, 100, { key: 'ref-1' });
    expect(await api.refund(ref, 100, { key: 'ref-1' })).toMatchObject({ status: 200, body: first.body });
    const conflict = await api.refund(ref, 200, { key: 'ref-1' });
    expect(conflict.status).toBe(409);
    expect(errorCodeOf(conflict.body)).toBe('4150');
    expect(values((await api.get(ref)).body).refunded).toBe(100);
  });

  it('cancel with the same key and a different body → 409 4020', async () => {
    const ref = await api.createPayment();
    await api.cancel(ref, { key: 'can-1' });
    const res = await api.cancel(ref, { key: 'can-1', body: { cancelTransactionOnly: true } });
    expect(res.status).toBe(409);
    expect(errorCodeOf(res.body)).toBe('4020');
  });

  it('a refused capture is replayed as the same 400, even after the payment could now be captured', async () => {
    const ref = await api.createPayment({ amount: { currency: 'NOK', value: 1000 } });
    const first = await api.capture(ref, 100, { key: 'early' });
    expect(errorCodeOf(first.body)).toBe('6080');
    await api.forceApprove(ref);
    expect(await api.capture(ref, 100, { key: 'early' })).toMatchObject({ status: 400, body: first.body });
    expect((await api.capture(ref, 100, { key: 'later' })).status).toBe(200);
  });

  it('keys are scoped per operation and reference', async () => {
    const a = await api.authorizedPayment(1000);
    const b = await api.authorizedPayment(1000);
    expect((await api.capture(a, 100, { key: 'shared' })).status).toBe(200);
    expect((await api.capture(b, 300, { key: 'shared' })).status).toBe(200);
    expect((await api.refund(a, 50, { key: 'shared' })).status).toBe(200);
    expect(values((await api.get(b)).body).captured).toBe(300);
  });

  it('reset forgets keys', async () => {
    const body = paymentBody();
    await api.create(body, { key: 'forgotten' });
    await api.reset();
    expect((await api.create({ ...body, paymentDescription: 'Different' }, { key: 'forgotten' })).status).toBe(201);
  });
});

describe('concurrent requests', () => {
  it('simultaneous captures with different keys never capture more than was authorized', async () => {
    const ref = await api.authorizedPayment(1000);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => api.capture(ref, 600, { key: `par-${i}` })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => errorCodeOf(r.body) === '6090')).toHaveLength(4);
    expect(values((await api.get(ref)).body).captured).toBe(600);
  });

  it('simultaneous retries with the same key run once and all get the same answer', async () => {
    const ref = await api.authorizedPayment(1000);
    const results = await Promise.all([1, 2, 3, 4].map(() => api.capture(ref, 300, { key: 'same' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const r of results) expect(r.body).toEqual(results[0]?.body);
    const captured = (await api.events(ref)).body.filter((e) => e.name === 'CAPTURED');
    expect(captured).toHaveLength(1);
  });

  it('simultaneous creates of one reference with different keys: one 201, the rest 409 4150', async () => {
    const body = paymentBody();
    const results = await Promise.all([1, 2, 3].map((i) => api.create(body, { key: `create-par-${i}` })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => errorCodeOf(r.body) === '4150')).toHaveLength(2);
  });
});
