// Fields newer than the saved spec that the official SDK 2.4.2 types carry (BRIEF "[newer]").
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config';
import { paymentBody, problemOf, reference, startTestSimulator, type SimApi } from '../support/sim-client';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('captureGuaranteedUntil', () => {
  let api: SimApi;
  beforeAll(async () => {
    api = await startTestSimulator();
  });
  afterAll(() => api.running.close());
  beforeEach(() => api.reset());

  it('is absent before authorization and 7 days after it (virtual clock) once AUTHORIZED', async () => {
    const ref = await api.createPayment();
    expect((await api.get(ref)).body).not.toHaveProperty('captureGuaranteedUntil');
    await api.advanceClock(300); // within the payment's 10 minutes
    const approvedAt = Date.parse((await api.control<{ now: string }>('GET', '/clock')).body.now);
    expect((await api.forceApprove(ref, { customer: { phoneNumber: '4791234567' } })).status).toBe(200);
    const until = Date.parse((await api.get(ref)).body.captureGuaranteedUntil ?? '');
    expect(until - approvedAt).toBeGreaterThanOrEqual(7 * DAY_MS);
    expect(until - approvedAt).toBeLessThan(7 * DAY_MS + 5_000);
  });

  it('SIM_CAPTURE_GUARANTEE_DAYS sets the number of days', async () => {
    expect(configFromEnv({ SIM_CAPTURE_GUARANTEE_DAYS: '30' })).toMatchObject({ captureGuaranteeDays: 30 });
    const mastercard = await startTestSimulator({ captureGuaranteeDays: 30 });
    try {
      const ref = await mastercard.authorizedPayment();
      const body = (await mastercard.get(ref)).body;
      const created = Date.parse((await mastercard.events(ref)).body[1]?.timestamp ?? '');
      expect(Date.parse(body.captureGuaranteedUntil ?? '') - created).toBe(30 * DAY_MS);
    } finally {
      await mastercard.running.close();
    }
  });
});

describe('reference length', () => {
  const long = (length: number) => `ref-${'x'.repeat(length - 4)}`;

  it('is at most 50 by default, as the saved spec says', async () => {
    const api = await startTestSimulator();
    try {
      expect((await api.create(paymentBody({ reference: long(50) }))).status).toBe(201);
      const tooLong = await api.create(paymentBody({ reference: long(51) }));
      expect(tooLong.status).toBe(400);
      expect(problemOf(tooLong.body).extraDetails?.[0]?.name).toBe('reference');
      expect((await api.get(long(51))).status).toBe(400);
    } finally {
      await api.running.close();
    }
  });

  it("SIM_MAX_REFERENCE_LENGTH=64 accepts the newer docs' 64 characters, in bodies and paths", async () => {
    expect(configFromEnv({ SIM_MAX_REFERENCE_LENGTH: '64' })).toMatchObject({ maxReferenceLength: 64 });
    expect(() => configFromEnv({ SIM_MAX_REFERENCE_LENGTH: '65' })).toThrow(/SIM_MAX_REFERENCE_LENGTH="65"/);
    const api = await startTestSimulator({ maxReferenceLength: 64 });
    // Not through SimApi's contract check: the saved spec itself says 50, which is what this setting overrides.
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(api.url + path, {
        method,
        headers: { ...(await api.apiHeaders({}, reference())), 'Content-Type': 'application/json' } as HeadersInit,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { reference?: string } };
    };
    try {
      const ref = long(64);
      expect(await call('POST', '/epayment/v1/payments', paymentBody({ reference: ref }))).toMatchObject({
        status: 201,
        body: { reference: ref },
      });
      expect(await call('GET', `/epayment/v1/payments/${ref}`)).toMatchObject({
        status: 200,
        body: { reference: ref },
      });
      expect((await call('POST', '/epayment/v1/payments', paymentBody({ reference: long(65) }))).status).toBe(400);
    } finally {
      await api.running.close();
    }
  });
});
