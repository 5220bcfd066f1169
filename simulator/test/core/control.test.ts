// The test-control API under /_sim: health, clock, payment inspection, shopper actions, reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MSN, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

interface ControlPayment {
  msn: string;
  reference: string;
  state: string;
  customerPhoneNumber: string | null;
  aggregate: { authorizedAmount: { value: number } };
  events: { name: string }[];
}

describe('/_sim', () => {
  it('GET /health → {status:"ok"}', async () => {
    expect((await api.control('GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('GET /clock and POST /clock/advance return the virtual now', async () => {
    const before = Date.parse((await api.control<{ now: string }>('GET', '/clock')).body.now);
    const after = await api.advanceClock(3600);
    expect(Date.parse(after.body.now) - before).toBeGreaterThanOrEqual(3600_000);
    expect((await api.control<{ offsetSeconds: number }>('GET', '/clock')).body.offsetSeconds).toBe(3600);
    expect((await api.control('POST', '/clock/advance', { seconds: -5 })).status).toBe(400);
  });

  it('an advance beyond what a Date can hold is refused (400), and the clock keeps working', async () => {
    expect((await api.control('POST', '/clock/advance', { seconds: 1e16 })).status).toBe(400);
    expect((await api.control('GET', '/clock')).status).toBe(200);
    expect((await api.get(await api.createPayment())).status).toBe(200);
  });

  it('GET /payments lists every payment with state, aggregate and events; GET /payments/{ref} one', async () => {
    const ref = await api.authorizedPayment(1000);
    const list = await api.control<ControlPayment[]>('GET', '/payments');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ msn: MSN, reference: ref, state: 'AUTHORIZED' });
    expect(list.body[0]?.aggregate.authorizedAmount.value).toBe(1000);
    expect(list.body[0]?.events.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED']);
    expect((await api.control<ControlPayment>('GET', `/payments/${ref}`)).body.reference).toBe(ref);
    expect((await api.control('GET', '/payments/unknown-ref-1')).status).toBe(404);
  });

  it('approve (with an optional phone number), reject and expire act like the shopper or the timeout', async () => {
    const a = await api.createPayment();
    const approved = await api.control<ControlPayment>('POST', `/payments/${a}/approve`, { phoneNumber: '4791234567' });
    expect(approved.body).toMatchObject({ state: 'AUTHORIZED', customerPhoneNumber: '4791234567' });
    const b = await api.createPayment();
    expect((await api.control<ControlPayment>('POST', `/payments/${b}/reject`)).body.state).toBe('ABORTED');
    const c = await api.createPayment();
    expect((await api.control<ControlPayment>('POST', `/payments/${c}/expire`)).body.state).toBe('EXPIRED');
    expect((await api.control('POST', `/payments/${a}/reject`)).status).toBe(400);
    expect((await api.control('POST', `/payments/${a}/approve`, { phoneNumber: '12' })).status).toBe(400);
  });

  it('control approve ignores magic amounts, like force approve', async () => {
    const ref = await api.createPayment({ amount: { currency: 'NOK', value: 151 } });
    expect((await api.control<ControlPayment>('POST', `/payments/${ref}/approve`)).body.state).toBe('AUTHORIZED');
  });

  it('POST /reset clears payments, tokens, faults and the clock offset', async () => {
    const ref = await api.createPayment();
    const oldToken = await api.token();
    await api.control('POST', '/faults', { operation: 'get', kind: 'status', status: 500 });
    await api.advanceClock(100);
    await api.control('POST', '/reset');
    expect((await api.control('GET', `/payments/${ref}`)).status).toBe(404);
    expect((await api.control<unknown[]>('GET', '/faults')).body).toEqual([]);
    expect((await api.control<{ offsetSeconds: number }>('GET', '/clock')).body.offsetSeconds).toBe(0);
    expect((await api.get(ref, { headers: { Authorization: `Bearer ${oldToken}` } })).status).toBe(401);
  });

  it('unknown paths answer 404 Problems', async () => {
    expect((await fetch(`${api.url}/epayment/v2/payments`)).status).toBe(404);
  });
});
