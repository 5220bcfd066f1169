// BRIEF §5: states, aggregate bookkeeping and every business rule with its error code, over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf, startTestSimulator, values, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

describe('state transitions', () => {
  it('a new payment is CREATED with an empty aggregate and the CREATED event carrying the payment pspReference', async () => {
    const ref = await api.createPayment();
    const { body } = await api.get(ref);
    expect(body.state).toBe('CREATED');
    expect(values(body)).toEqual({ authorized: 0, captured: 0, refunded: 0, cancelled: 0 });
    expect(body.profile).toEqual({});
    const events = (await api.events(ref)).body;
    expect(events.map((e) => e.name)).toEqual(['CREATED']);
    expect(events[0]?.pspReference).toBe(body.pspReference);
  });

  it('CREATED → AUTHORIZED by force approve: authorized = amount, state final', async () => {
    const ref = await api.authorizedPayment(100_000);
    const { body } = await api.get(ref);
    expect(body.state).toBe('AUTHORIZED');
    expect(values(body)).toEqual({ authorized: 100_000, captured: 0, refunded: 0, cancelled: 0 });
  });

  it('CREATED → ABORTED when the shopper rejects', async () => {
    const ref = await api.createPayment();
    await api.control('POST', `/payments/${ref}/reject`);
    expect((await api.get(ref)).body.state).toBe('ABORTED');
  });

  it('CREATED → EXPIRED by the control API', async () => {
    const ref = await api.createPayment();
    await api.control('POST', `/payments/${ref}/expire`);
    expect((await api.get(ref)).body.state).toBe('EXPIRED');
  });

  it('cancel in CREATED → TERMINATED with cancelled = amount and authorized 0', async () => {
    const ref = await api.createPayment({ amount: { currency: 'NOK', value: 1000 } });
    const res = await api.cancel(ref);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('TERMINATED');
    expect(values(res.body)).toEqual({ authorized: 0, captured: 0, refunded: 0, cancelled: 1000 });
    expect((await api.events(ref)).body.map((e) => e.name)).toEqual(['CREATED', 'TERMINATED']);
  });

  it('profile.sub appears once AUTHORIZED when a scope was requested', async () => {
    const ref = await api.createPayment({ profile: { scope: 'name phoneNumber' } });
    expect((await api.get(ref)).body.profile).toEqual({});
    await api.forceApprove(ref);
    expect((await api.get(ref)).body.profile.sub).toEqual(expect.any(String));
  });

  it('force approve twice gives 6230; approving a final payment gives 10020', async () => {
    const ref = await api.authorizedPayment();
    expect(errorCodeOf((await api.forceApprove(ref)).body)).toBe('6230');
    const aborted = await api.createPayment();
    await api.control('POST', `/payments/${aborted}/reject`);
    expect(errorCodeOf((await api.forceApprove(aborted)).body)).toBe('10020');
  });

  it('force approve by token works; a token of another payment is refused with 10010', async () => {
    const ref = await api.createPayment();
    const other = await api.createPayment();
    const token = new URL((await api.get(other)).body.redirectUrl ?? '').searchParams.get('token');
    expect(errorCodeOf((await api.forceApprove(ref, { token })).body)).toBe('10010');
    expect((await api.forceApprove(other, { token })).status).toBe(200);
  });
});

describe('aggregate math (BRIEF §5)', () => {
  it('partial captures, partial refunds, then cancel of the remainder', async () => {
    const ref = await api.authorizedPayment(1000);
    expect(values((await api.capture(ref, 250)).body)).toEqual({
      authorized: 1000,
      captured: 250,
      refunded: 0,
      cancelled: 0,
    });
    expect(values((await api.capture(ref, 150)).body)).toEqual({
      authorized: 1000,
      captured: 400,
      refunded: 0,
      cancelled: 0,
    });
    expect(values((await api.refund(ref, 100)).body)).toEqual({
      authorized: 1000,
      captured: 400,
      refunded: 100,
      cancelled: 0,
    });
    const cancelled = await api.cancel(ref);
    expect(cancelled.body.state).toBe('AUTHORIZED');
    expect(values(cancelled.body)).toEqual({ authorized: 1000, captured: 400, refunded: 100, cancelled: 600 });
    expect(values((await api.refund(ref, 300)).body)).toEqual({
      authorized: 1000,
      captured: 400,
      refunded: 400,
      cancelled: 600,
    });
  });

  it('docs example: authorized 1000, captured 250, cancel gives cancelled 750', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 250);
    expect(values((await api.cancel(ref)).body)).toEqual({
      authorized: 1000,
      captured: 250,
      refunded: 0,
      cancelled: 750,
    });
  });

  it('full capture then full refund; capturedAmount does not decrease on refund', async () => {
    const ref = await api.authorizedPayment(5000);
    await api.capture(ref, 5000);
    const res = await api.refund(ref, 5000);
    expect(res.body.state).toBe('AUTHORIZED');
    expect(values(res.body)).toEqual({ authorized: 5000, captured: 5000, refunded: 5000, cancelled: 0 });
  });

  it('the event log records every event with its own pspReference, modification amount and key', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 300, { key: 'capture-key-1' });
    await api.refund(ref, 100, { key: 'refund-key-1' });
    await api.cancel(ref, { key: 'cancel-key-1' });
    const events = (await api.events(ref)).body;
    expect(events.map((e) => [e.name, e.amount.value, e.idempotencyKey, e.success])).toEqual([
      ['CREATED', 1000, expect.any(String), true],
      ['AUTHORIZED', 1000, expect.any(String), true],
      ['CAPTURED', 300, 'capture-key-1', true],
      ['REFUNDED', 100, 'refund-key-1', true],
      ['CANCELLED', 700, 'cancel-key-1', true],
    ]);
    expect(new Set(events.map((e) => e.pspReference)).size).toBe(events.length);
    expect(events.every((e) => !Number.isNaN(Date.parse(e.timestamp)))).toBe(true);
  });
});

describe('business rules and their codes (BRIEF §5, §7)', () => {
  const rule = async (res: Promise<{ status: number; body: unknown }>, status: number, code: string) => {
    const { status: got, body } = await res;
    expect({ status: got, code: errorCodeOf(body) }).toEqual({ status, code });
  };

  it('capture before reservation → 6080', async () => {
    await rule(api.capture(await api.createPayment(), 100), 400, '6080');
  });
  it('capture more than capturable → 6090', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 600);
    await rule(api.capture(ref, 401), 400, '6090');
  });
  it('refund before reservation → 6020', async () => {
    await rule(api.refund(await api.createPayment(), 100), 400, '6020');
  });
  it('refund more than captured − refunded → 6150', async () => {
    const ref = await api.authorizedPayment(1000);
    await rule(api.refund(ref, 1), 400, '6150');
    await api.capture(ref, 500);
    await api.refund(ref, 200);
    await rule(api.refund(ref, 301), 400, '6150');
  });
  it('cancel after full capture → 6040', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 1000);
    await rule(api.cancel(ref), 400, '6040');
  });
  it('cancel of ABORTED, EXPIRED or TERMINATED → 6050', async () => {
    const aborted = await api.createPayment();
    await api.control('POST', `/payments/${aborted}/reject`);
    await rule(api.cancel(aborted), 400, '6050');
    const expired = await api.createPayment();
    await api.control('POST', `/payments/${expired}/expire`);
    await rule(api.cancel(expired), 400, '6050');
    const terminated = await api.createPayment();
    await api.cancel(terminated);
    await rule(api.cancel(terminated), 400, '6050');
  });
  it('capture after cancel → 6070 (after authorization and after TERMINATED)', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 100);
    await api.cancel(ref);
    await rule(api.capture(ref, 100), 400, '6070');
    const terminated = await api.createPayment();
    await api.cancel(terminated);
    await rule(api.capture(terminated, 100), 400, '6070');
  });
  it('cancelTransactionOnly on an authorized payment → 6060; on CREATED it terminates', async () => {
    const ref = await api.authorizedPayment(1000);
    await rule(api.cancel(ref, { body: { cancelTransactionOnly: true } }), 400, '6060');
    const created = await api.createPayment();
    expect((await api.cancel(created, { body: { cancelTransactionOnly: true } })).body.state).toBe('TERMINATED');
  });
  it('a second cancel after the remainder was released is a harmless 200 without a new event', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.cancel(ref);
    const again = await api.cancel(ref);
    expect(again.status).toBe(200);
    expect(values(again.body).cancelled).toBe(1000);
    expect((await api.events(ref)).body.filter((e) => e.name === 'CANCELLED')).toHaveLength(1);
  });
  it('modification currency must match the payment → 4040', async () => {
    const ref = await api.authorizedPayment(1000);
    await rule(api.capture(ref, 0, { body: { modificationAmount: { currency: 'EUR', value: 100 } } }), 400, '4040');
    await rule(api.refund(ref, 0, { body: { modificationAmount: { currency: 'DKK', value: 100 } } }), 400, '4040');
  });
  it('modification amount must be a positive integer → 4040', async () => {
    const ref = await api.authorizedPayment(1000);
    await rule(api.capture(ref, 0), 400, '4040');
    await rule(api.capture(ref, 10.5), 400, '4040');
  });
  it('unknown reference → 404 with 5090 on every operation', async () => {
    const missing = 'does-not-exist-123';
    await rule(api.get(missing), 404, '5090');
    await rule(api.events(missing), 404, '5090');
    await rule(api.capture(missing, 100), 404, '5090');
    await rule(api.refund(missing, 100), 404, '5090');
    await rule(api.cancel(missing), 404, '5090');
    await rule(api.forceApprove(missing), 404, '5090');
  });
  it('an invalid reference in the path is a schema 400 naming the field', async () => {
    const res = await api.get('short');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ extraDetails: [{ name: 'reference' }] });
  });
  it('refused modifications are logged (and published) with success:false and their own key', async () => {
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 2000, { key: 'too-much' });
    const failed = (await api.events(ref)).body.at(-1);
    expect(failed).toMatchObject({
      name: 'CAPTURED',
      success: false,
      idempotencyKey: 'too-much',
      amount: { value: 2000 },
    });
    expect(values((await api.get(ref)).body).captured).toBe(0);
  });
});
