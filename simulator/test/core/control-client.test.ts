// The package's control client (src/control/client.ts) against a running simulator: every call reaches its
// route and returns what that route answers, and a refused call throws with the simulator's status.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimulatorControlError, simulatorControl, type SimulatorControl } from '../../src/control/client';
import { startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
let control: SimulatorControl;
beforeAll(async () => {
  api = await startTestSimulator();
  control = simulatorControl(api.running);
});
afterAll(() => api.running.close());
beforeEach(() => api.reset()); // through `control.reset()`, and forgets the API token the reset revoked

describe('simulatorControl', () => {
  it('plays the shopper: approve with a phone number, reject, expire', async () => {
    const a = await api.createPayment();
    expect(await control.approve(a, { phoneNumber: '4791234567' })).toMatchObject({
      reference: a,
      state: 'AUTHORIZED',
      customerPhoneNumber: '4791234567',
    });
    expect((await control.reject(await api.createPayment())).state).toBe('ABORTED');
    expect((await control.expire(await api.createPayment())).state).toBe('EXPIRED');
    expect((await control.payment(a)).events.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED']);
    expect((await control.payments()).map((p) => p.reference)).toContain(a);
  });

  it('throws SimulatorControlError with the status when the simulator refuses', async () => {
    const refused = await control.payment('no-such-reference').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SimulatorControlError);
    expect(refused).toMatchObject({ status: 404, path: '/payments/no-such-reference' });
    await expect(control.advanceClock(-1)).rejects.toMatchObject({ status: 400 });
  });

  it('moves the clock, and a payment past its expiry expires at once', async () => {
    const reference = await api.createPayment();
    const before = Date.parse((await control.clock()).now);
    const moved = await control.advanceClock(11 * 60);
    expect(moved.offsetSeconds).toBe(11 * 60);
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(11 * 60 * 1000);
    expect((await control.payment(reference)).state).toBe('EXPIRED');
  });

  it('injects, lists and clears API faults; lists the requests it saw', async () => {
    const reference = await api.authorizedPayment(1000);
    const fault = await control.faults.add({ operation: 'capture', reference, kind: 'status', status: 500 });
    expect(fault).toMatchObject({ operation: 'capture', reference, remaining: 1 });
    expect(await control.faults.list()).toHaveLength(1);
    expect((await api.capture(reference, 100)).status).toBe(500);
    await control.faults.clear();
    expect(await control.faults.list()).toEqual([]);
    const seen = await control.requests({ reference, method: 'POST' });
    expect(seen.map((r) => r.path)).toContain(`/epayment/v1/payments/${reference}/capture`);
  });

  it('reads webhook deliveries and registrations, and manages webhook faults', async () => {
    const fault = await control.webhooks.faults.add({ kind: 'drop', eventName: 'AUTHORIZED' });
    expect(fault).toMatchObject({ kind: 'drop', remaining: 1 });
    expect(await control.webhooks.faults.list()).toHaveLength(1);
    await control.webhooks.faults.clear();
    expect(await control.webhooks.faults.list()).toEqual([]);
    expect(await control.webhooks.deliveries({ reference: 'none-yet' })).toEqual([]);
    expect(await control.webhooks.registrations()).toEqual([]);
    expect(await control.webhooks.retryNow({ includeDelayed: true })).toEqual({ retried: 0 });
  });

  it('switches the rate limits and answers health', async () => {
    expect(await control.setRateLimits(false)).toEqual({ enabled: false });
    expect(await control.setRateLimits(true)).toEqual({ enabled: true });
    expect(await control.health()).toEqual({ status: 'ok' });
  });
});
