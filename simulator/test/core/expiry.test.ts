// Time (BRIEF §5): CREATED payments expire after the timeout on the virtual clock, long-living ones at expiresAt;
// expiry is applied lazily on reads, by the periodic sweep, and right after a clock advance.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MSN, paymentBody, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

/** The stored state, read without triggering the lazy expiry check. */
const storedState = (reference: string) => api.sim.store.get(MSN, reference)?.state;

describe('payment timeout', () => {
  it('a CREATED payment expires after 10 virtual minutes, with one EXPIRED event', async () => {
    const body = paymentBody();
    await api.create(body, { key: 'create-key' });
    const ref = body.reference as string;
    await api.advanceClock(599);
    expect((await api.get(ref)).body.state).toBe('CREATED');
    await api.advanceClock(1);
    expect((await api.get(ref)).body.state).toBe('EXPIRED');
    const events = (await api.events(ref)).body;
    expect(events.map((e) => [e.name, e.idempotencyKey])).toEqual([
      ['CREATED', 'create-key'],
      ['EXPIRED', 'create-key'],
    ]);
    expect(Date.parse(events[1]?.timestamp ?? '') - Date.parse(events[0]?.timestamp ?? '')).toBeGreaterThanOrEqual(
      600_000,
    );
  });

  it('the EXPIRED event is stamped with the moment of expiry, not the moment the simulator noticed', async () => {
    const ref = await api.createPayment();
    await api.advanceClock(3 * 3600);
    api.forgetToken(); // the token expired too
    const [created, expired] = (await api.events(ref)).body;
    expect(expired?.name).toBe('EXPIRED');
    expect(Date.parse(expired?.timestamp ?? '') - Date.parse(created?.timestamp ?? '')).toBe(600_000);
  });

  it('a clock advance expires payments immediately, without anyone reading them', async () => {
    const ref = await api.createPayment();
    await api.advanceClock(601);
    expect(storedState(ref)).toBe('EXPIRED');
  });

  it('the periodic sweep expires payments even when nobody reads and nobody advances through the control API', async () => {
    const ref = await api.createPayment();
    api.sim.clock.advance(601); // moves time without the sweep that the control endpoint runs
    expect(storedState(ref)).toBe('CREATED');
    await vi.waitFor(() => expect(storedState(ref)).toBe('EXPIRED'), { timeout: 20_000, interval: 50 });
  });

  it('uses SIM_PAYMENT_TIMEOUT_SECONDS', async () => {
    const quick = await startTestSimulator({ paymentTimeoutSeconds: 60 });
    try {
      const ref = await quick.createPayment();
      await quick.advanceClock(60);
      expect((await quick.get(ref)).body.state).toBe('EXPIRED');
    } finally {
      await quick.running.close();
    }
  });

  it('authorized payments do not expire', async () => {
    const ref = await api.authorizedPayment();
    await api.advanceClock(3000);
    expect((await api.get(ref)).body.state).toBe('AUTHORIZED');
  });

  it('an expired payment cannot be approved any more', async () => {
    const ref = await api.createPayment();
    await api.advanceClock(600);
    expect((await api.forceApprove(ref)).status).toBe(400);
  });
});

describe('long-living payments (expiresAt)', () => {
  it('stay CREATED past 10 minutes and expire at expiresAt', async () => {
    const expiresAt = new Date(api.sim.clock.nowMs() + 60 * 60_000).toISOString();
    const ref = await api.createPayment({
      userFlow: 'QR',
      returnUrl: undefined,
      expiresAt,
      receipt: {
        orderLines: [
          {
            name: 'Ski pass',
            id: 'p1',
            totalAmount: 24900,
            totalAmountExcludingTax: 19920,
            totalTaxAmount: 4980,
            taxPercentage: 25,
          },
        ],
        bottomLine: { currency: 'NOK' },
      },
    });
    await api.advanceClock(30 * 60);
    expect((await api.get(ref)).body.state).toBe('CREATED');
    await api.advanceClock(30 * 60);
    api.forgetToken(); // an hour passed: the first token expired too
    expect((await api.get(ref)).body.state).toBe('EXPIRED');
  });
});
