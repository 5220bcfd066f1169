// The real client (real fetch, real timers) against a running simulator, for every operation, the error
// mapping and the fault paths that idempotency keys exist for (BRIEF §3).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VippsClient } from '@/lib/server/vipps/client';
import type { VippsClientConfig } from '@/lib/server/vipps/config';
import {
  VippsAuthError,
  VippsNotPerformedError,
  VippsOutcomeUnknownError,
  VippsRejectedError,
} from '@/lib/server/vipps/errors';
import { newReference, paymentBody, rejectionOf, startHarness, type Harness } from './support/vipps-harness';
import { reservePayment } from '../support/reserved';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

let h: Harness;
const newClient = (overrides: Partial<VippsClientConfig> = {}) => h.newClient(overrides);
const approve = (reference: string) => h.sim.approve(reference);
/** The simulator's own event log for the payment (not via the client under test). */
const simEvents = async (reference: string) => (await h.sim.payment(reference)).events;
const injectFault: Harness['sim']['faults']['add'] = (fault) => h.sim.faults.add(fault);
const attemptsOf = (operation: string, reference?: string) => h.attemptsOf(operation, reference);

const authorizedPayment = (client: VippsClient, value = 10_000) =>
  reservePayment(client, h.sim, paymentBody(newReference(), value));

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  await h.reset();
});

describe('Vipps client against the simulator', () => {
  it('create → approve → capture part → refund → cancel the rest, with a consistent event log', async () => {
    const client = newClient();
    const reference = newReference();

    const created = await client.createPayment(paymentBody(reference), { idempotencyKey: `create-${reference}` });
    expect(created.reference).toBe(reference);
    expect(created.redirectUrl).toMatch(/token=/);
    expect((await client.getPayment(reference)).state).toBe('CREATED');

    await approve(reference);
    const authorized = await client.getPayment(reference);
    expect(authorized).toMatchObject({ state: 'AUTHORIZED', aggregate: { authorizedAmount: { value: 10_000 } } });

    const captured = await client.capturePayment(
      reference,
      { currency: 'NOK', value: 3_000 },
      { idempotencyKey: `capture-${reference}-1` },
    );
    expect(captured.aggregate.capturedAmount.value).toBe(3_000);

    const refunded = await client.refundPayment(
      reference,
      { currency: 'NOK', value: 1_000 },
      { idempotencyKey: `refund-${reference}-1` },
    );
    expect(refunded.aggregate.refundedAmount.value).toBe(1_000);

    const cancelled = await client.cancelPayment(reference, { idempotencyKey: `cancel-${reference}` });
    expect(cancelled).toMatchObject({
      state: 'AUTHORIZED',
      aggregate: { capturedAmount: { value: 3_000 }, cancelledAmount: { value: 7_000 } },
    });

    const events = await client.getPaymentEvents(reference);
    expect(events.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED', 'REFUNDED', 'CANCELLED']);
    expect(events.find((e) => e.name === 'CAPTURED')).toMatchObject({
      amount: { value: 3_000 },
      idempotencyKey: `capture-${reference}-1`,
      success: true,
    });
  });

  it('force-approves through the test endpoint, and cancel before approval terminates', async () => {
    const client = newClient();
    const reference = newReference();
    await client.createPayment(
      {
        ...paymentBody(reference),
        userFlow: 'PUSH_MESSAGE',
        returnUrl: undefined,
        customer: { phoneNumber: '4712345678' },
      },
      { idempotencyKey: `create-${reference}` },
    );
    await client.forceApprove(reference, { customer: { phoneNumber: '4712345678' } });
    expect((await client.getPayment(reference)).state).toBe('AUTHORIZED');

    const other = newReference();
    await client.createPayment(paymentBody(other), { idempotencyKey: `create-${other}` });
    const terminated = await client.cancelPayment(other, { idempotencyKey: `cancel-${other}` });
    expect(terminated).toMatchObject({ state: 'TERMINATED', aggregate: { cancelledAmount: { value: 10_000 } } });
  });

  it('maps business errors to VippsRejectedError with the Vipps code and trace id', async () => {
    const client = newClient();
    const reference = await authorizedPayment(client, 5_000);

    const tooMuch = await rejectionOf(
      client.capturePayment(reference, { currency: 'NOK', value: 5_001 }, { idempotencyKey: `capture-${reference}` }),
    );
    expect(tooMuch).toBeInstanceOf(VippsRejectedError);
    expect(tooMuch).toMatchObject({ outcome: 'rejected', status: 400, code: '6090', reference });
    expect(tooMuch.traceId).toBeTruthy();

    const unknownReference = await rejectionOf(client.getPayment('no-such-payment-123'));
    expect(unknownReference).toBeInstanceOf(VippsRejectedError);
    expect(unknownReference).toMatchObject({ status: 404, code: '5090' });

    // The same key with a different body is a conflict, not a second capture (BRIEF §3).
    await client.capturePayment(reference, { currency: 'NOK', value: 1_000 }, { idempotencyKey: `cap2-${reference}` });
    const conflict = await rejectionOf(
      client.capturePayment(reference, { currency: 'NOK', value: 2_000 }, { idempotencyKey: `cap2-${reference}` }),
    );
    expect(conflict).toBeInstanceOf(VippsRejectedError);
    expect(conflict.status).toBe(409);
  });

  it('capture whose response is lost (drop-after-commit) is retried with the same key: exactly one CAPTURED', async () => {
    const client = newClient();
    const reference = await authorizedPayment(client);
    await injectFault({ operation: 'capture', reference, count: 1, kind: 'drop-after-commit' });

    const result = await client.capturePayment(
      reference,
      { currency: 'NOK', value: 4_000 },
      { idempotencyKey: `capture-${reference}` },
    );

    expect(result.aggregate.capturedAmount.value).toBe(4_000);
    expect(attemptsOf('capturePayment', reference)).toMatchObject([
      { attempt: 1, error: 'network', idempotencyKey: `capture-${reference}` },
      { attempt: 2, status: 200, idempotencyKey: `capture-${reference}` },
    ]);
    const captures = (await simEvents(reference)).filter((e) => e.name === 'CAPTURED');
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ amount: { value: 4_000 }, idempotencyKey: `capture-${reference}` });
  });

  it('refund whose request is dropped before commit is retried: exactly one REFUNDED', async () => {
    const client = newClient();
    const reference = await authorizedPayment(client);
    await client.capturePayment(reference, { currency: 'NOK', value: 10_000 }, { idempotencyKey: `cap-${reference}` });
    await injectFault({ operation: 'refund', reference, count: 1, kind: 'drop-before-commit' });

    await client.refundPayment(reference, { currency: 'NOK', value: 2_500 }, { idempotencyKey: `ref-${reference}` });

    const refunds = (await simEvents(reference)).filter((e) => e.name === 'REFUNDED');
    expect(refunds).toHaveLength(1);
    expect(attemptsOf('refundPayment', reference).map((a) => a.error ?? a.status)).toEqual(['network', 200]);
  });

  it('retries 5xx and 423, and waits for Retry-After on 429', async () => {
    const client = newClient();
    const reference = await authorizedPayment(client);
    await injectFault({ operation: 'get', reference, count: 2, kind: 'status', status: 503 });
    await expect(client.getPayment(reference)).resolves.toMatchObject({ state: 'AUTHORIZED' });
    expect(attemptsOf('getPayment', reference).map((a) => a.status)).toEqual([503, 503, 200]);

    await injectFault({ operation: 'cancel', reference, count: 1, kind: 'status', status: 423 });
    await injectFault({ operation: 'capture', reference, count: 1, kind: 'status', status: 429, retryAfterSeconds: 1 });
    const startedAt = Date.now();
    await client.capturePayment(reference, { currency: 'NOK', value: 1_000 }, { idempotencyKey: `cap-${reference}` });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    await client.cancelPayment(reference, { idempotencyKey: `cancel-${reference}` });
    expect((await simEvents(reference)).filter((e) => e.name === 'CAPTURED')).toHaveLength(1);
    expect(attemptsOf('capturePayment', reference).map((a) => a.status)).toEqual([429, 200]);
    expect(attemptsOf('cancelPayment', reference).map((a) => a.status)).toEqual([423, 200]);
  });

  it('aborts a slow attempt at the per-attempt timeout and retries it', async () => {
    const client = newClient({ requestTimeoutMs: 300 });
    const reference = await authorizedPayment(newClient());
    await injectFault({ operation: 'events', reference, count: 1, kind: 'slow', delayMs: 1_500 });
    const events = await client.getPaymentEvents(reference);
    expect(events.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED']);
    expect(attemptsOf('getPaymentEvents', reference).map((a) => a.error ?? a.status)).toEqual(['timeout', 200]);
  });

  it('gives up with VippsOutcomeUnknownError when Vipps keeps failing past the deadline', async () => {
    const client = newClient({ retryDeadlineMs: 1_500 });
    const reference = await authorizedPayment(newClient());
    await injectFault({ operation: 'capture', reference, count: 1_000, kind: 'status', status: 500 });
    // This loop retries far more than Vipps' 5 captures a minute; here the 500s are the point, not the 429s.
    await h.sim.setRateLimits(false);
    const error = await rejectionOf(
      client.capturePayment(reference, { currency: 'NOK', value: 1_000 }, { idempotencyKey: `cap-${reference}` }),
    ).finally(() => h.sim.setRateLimits(true));
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', status: 500, reference });
  });

  it('a capture rate-limited on every attempt is VippsNotPerformedError, and nothing was captured', async () => {
    const client = newClient({ retryDeadlineMs: 1_000 });
    const reference = await authorizedPayment(newClient());
    await injectFault({ operation: 'capture', reference, count: 1_000, kind: 'status', status: 429 });
    const error = await rejectionOf(
      client.capturePayment(reference, { currency: 'NOK', value: 1_000 }, { idempotencyKey: `cap-${reference}` }),
    );
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ outcome: 'rejected', reason: 'rate-limited', status: 429, reference });
    expect(attemptsOf('capturePayment', reference).every((a) => a.status === 429)).toBe(true);
    expect((await simEvents(reference)).filter((e) => e.name === 'CAPTURED')).toHaveLength(0);
  });

  it('survives a token endpoint hiccup, and reports bad credentials as VippsAuthError', async () => {
    await injectFault({ operation: 'token', count: 1, kind: 'status', status: 503 });
    const reference = newReference();
    await newClient().createPayment(paymentBody(reference), { idempotencyKey: `create-${reference}` });
    expect(attemptsOf('token').map((a) => a.status)).toEqual([503, 200]);

    const wrongKey = await rejectionOf(newClient({ subscriptionKey: 'not-the-key' }).getPayment(reference));
    expect(wrongKey).toBeInstanceOf(VippsAuthError);
    expect(wrongKey.status).toBe(401);

    const wrongSecret = await rejectionOf(newClient({ clientSecret: 'wrong-secret' }).getPayment(reference));
    expect(wrongSecret).toBeInstanceOf(VippsAuthError);
  });

  describe('webhooks', () => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver?.close();
    });

    it('registers, lists and deletes a webhook; deliveries verify with our signature check', async () => {
      const client = newClient();
      const url = `${receiver.url}/api/vipps/webhook?shop=demo`;
      const registered = await client.registerWebhook({ url, events: ['epayments.payment.captured.v1'] });
      expect(registered.secret).toBeTruthy();
      expect((await client.listWebhooks()).map((w) => w.id)).toContain(registered.id);

      const reference = await authorizedPayment(client);
      await client.capturePayment(reference, { currency: 'NOK', value: 500 }, { idempotencyKey: `cap-${reference}` });
      const delivery = await receiver.waitForDelivery((d) => d.rawBody.includes(reference));
      const target = new URL(url);
      expect(
        receiver.verify(delivery, {
          secret: registered.secret,
          host: target.host,
          url: target.pathname + target.search,
        }),
      ).toEqual({ ok: true });
      expect(
        receiver.verify(delivery, { secret: 'wrong', host: target.host, url: target.pathname + target.search }),
      ).toEqual({ ok: false, reason: 'signature-mismatch' });

      await client.deleteWebhook(registered.id);
      expect((await client.listWebhooks()).map((w) => w.id)).not.toContain(registered.id);
    });
  });
});
