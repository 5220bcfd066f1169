import { describe, expect, it } from 'vitest';
import { VippsOutcomeUnknownError, VippsRejectedError, VippsResponseError } from '@/lib/server/vipps/errors';
import { AMOUNT, json, modificationBody, problem, rejection, scriptedFetch, testClient } from './support';

const REF = 'order-12345678';
const KEY = 'capture-order-12345678-1';
const ok = () => json(200, modificationBody());
/** Behaves like fetch on a server that never answers: settles only when the attempt's signal aborts. */
const hang = (request: Request) =>
  new Promise<Response>((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
  });

describe('retries', () => {
  it('retries a 5xx with a fresh Request, the same Idempotency-Key and the same body bytes', async () => {
    const stub = scriptedFetch([() => problem(502), () => problem(500), ok]);
    const { client } = testClient(stub.fetch);

    const result = await client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY });

    expect(result.aggregate.capturedAmount.value).toBe(10_000);
    expect(stub.calls).toHaveLength(3);
    const [first, ...rest] = stub.calls;
    for (const call of rest) {
      // Identity check by hand: vitest's matcher would walk the sent Request's detached body buffer.
      expect(call.request === first!.request).toBe(false);
      expect(call.headers.get('Idempotency-Key')).toBe(KEY);
      expect(call.body).toEqual(first!.body);
    }
    expect(new TextDecoder().decode(first!.body)).toBe(
      JSON.stringify({ modificationAmount: { currency: 'NOK', value: 10_000 } }),
    );
  });

  it('honours Retry-After in seconds on 429, via the injected sleep', async () => {
    const stub2 = scriptedFetch([() => new Response('', { status: 429, headers: { 'Retry-After': '3' } }), ok]);
    const { client, clock } = testClient(stub2.fetch);

    await client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY });

    expect(clock.sleeps).toEqual([3_000]);
    expect(stub2.calls).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP-date, capped at maxRetryAfterMs', async () => {
    const { clock: startClock } = testClient(scriptedFetch([ok]).fetch);
    const inTwoSeconds = new Date(startClock.t + 2_000).toUTCString();
    const inAnHour = new Date(startClock.t + 3_600_000).toUTCString();
    const stub = scriptedFetch([
      () => new Response('', { status: 429, headers: { 'Retry-After': inTwoSeconds } }),
      () => new Response('', { status: 429, headers: { 'Retry-After': inAnHour } }),
      ok,
    ]);
    const { client, clock } = testClient(stub.fetch, { retryDeadlineMs: 60_000 });

    await client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY });

    expect(clock.sleeps).toEqual([2_000, 10_000]);
  });

  it('retries 423 Locked (concurrent operation on the payment)', async () => {
    const stub = scriptedFetch([() => problem(423), ok]);
    const { client } = testClient(stub.fetch);
    await client.refundPayment(REF, AMOUNT, { idempotencyKey: 'refund-1' });
    expect(stub.calls).toHaveLength(2);
    expect(stub.calls[1]!.headers.get('Idempotency-Key')).toBe('refund-1');
  });

  it('retries a network error with the same key', async () => {
    const stub = scriptedFetch([
      () => {
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
      },
      ok,
    ]);
    const { client, clock } = testClient(stub.fetch);
    await client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY });
    expect(stub.calls).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    // Equal jitter with random() = 0.5: 250 ms step → 125 + 62.5.
    expect(clock.sleeps[0]).toBe(188);
  });

  it('aborts an attempt after requestTimeoutMs and retries it', async () => {
    const stub = scriptedFetch([hang, ok]);
    const { client } = testClient(stub.fetch, { requestTimeoutMs: 30 });

    await client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY });

    expect(stub.calls).toHaveLength(2);
    expect(stub.calls[0]!.request.signal.aborted).toBe(true);
  });

  it('gives up with OutcomeUnknown when every attempt times out', async () => {
    const stub = scriptedFetch([hang]);
    const { client } = testClient(stub.fetch, { requestTimeoutMs: 20, retryPolicy: { maxAttempts: 3 } });

    const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));

    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'timeout', attempts: 3, operation: 'capturePayment' });
  });

  it('stops at the overall deadline with OutcomeUnknown carrying the last status', async () => {
    const stub = scriptedFetch([() => problem(503)]);
    const { client, clock } = testClient(stub.fetch, {
      retryDeadlineMs: 2_000,
      retryPolicy: { maxAttempts: 100 },
    });
    const startedAt = clock.t;

    const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));

    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'deadline', status: 503, reference: REF });
    expect(clock.t - startedAt).toBeLessThan(2_000);
    expect(stub.calls.length).toBeGreaterThan(2);
    for (const call of stub.calls) expect(call.headers.get('Idempotency-Key')).toBe(KEY);
  });

  it('stops after maxAttempts on a persistent 500', async () => {
    const stub = scriptedFetch([() => problem(500)]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 4 } });
    const error = await rejection(client.getPayment(REF));
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'retryable-status', status: 500, attempts: 4 });
    expect(stub.calls).toHaveLength(4);
  });

  it('maps a 400 Problem to VippsRejectedError with code, title and traceId, without retrying', async () => {
    const stub = scriptedFetch([() => problem(400, '6090')]);
    const { client } = testClient(stub.fetch);

    const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));

    expect(error).toBeInstanceOf(VippsRejectedError);
    expect(error).toMatchObject({
      outcome: 'rejected',
      status: 400,
      code: '6090',
      title: 'Capture amount too high',
      traceId: '00-trace-400-01',
      operation: 'capturePayment',
      reference: REF,
    });
    expect(stub.calls).toHaveLength(1);
  });

  it.each([404, 409, 403])('never retries a %i', async (status) => {
    const stub = scriptedFetch([() => problem(status, '5090')]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.getPayment(REF));
    expect(error).toBeInstanceOf(VippsRejectedError);
    expect(stub.calls).toHaveLength(1);
  });

  it('treats a 409 right after a lost response as outcome unknown, not rejected', async () => {
    const stub = scriptedFetch([
      () => {
        throw new TypeError('fetch failed');
      },
      () => problem(409, '4010'),
    ]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ status: 409, code: '4010' });
  });

  it('does not resend a webhook registration after a 5xx (no idempotency key exists)', async () => {
    const stub = scriptedFetch([() => problem(500)]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(
      client.registerWebhook({ url: 'https://shop.example/api/vipps/webhook', events: [] }),
    );
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(stub.calls).toHaveLength(1);
  });

  it('turns a malformed 2xx body into VippsResponseError', async () => {
    const missingAggregate = { ...modificationBody(), aggregate: undefined };
    const stub = scriptedFetch([() => json(200, missingAggregate)]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));
    expect(error).toBeInstanceOf(VippsResponseError);
    expect(error).toMatchObject({ outcome: 'unknown', status: 200 });
    expect((error as VippsResponseError).issues.join()).toContain('aggregate');
  });

  it('turns a non-JSON 2xx body into VippsResponseError', async () => {
    const stub = scriptedFetch([() => new Response('<html>gateway</html>', { status: 200 })]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.getPayment(REF));
    expect(error).toBeInstanceOf(VippsResponseError);
    expect((error as VippsResponseError).issues).toEqual(['body is not JSON']);
  });

  it('accepts the modification response with the spec content type application/problem+json', async () => {
    const stub = scriptedFetch([
      () =>
        new Response(JSON.stringify(modificationBody()), { headers: { 'content-type': 'application/problem+json' } }),
    ]);
    const { client } = testClient(stub.fetch);
    await expect(client.cancelPayment(REF, { idempotencyKey: 'cancel-1' })).resolves.toMatchObject({ reference: REF });
  });
});

describe('classification after a lost response', () => {
  it.each([401, 403])(
    'a %i after a lost attempt is outcome unknown (the gateway answered, not the payment)',
    async (status) => {
      const stub = scriptedFetch([
        () => {
          throw new TypeError('fetch failed');
        },
        () => json(status, { statusCode: status, message: 'Access denied' }),
      ]);
      const { client } = testClient(stub.fetch);
      const error = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: KEY }));
      expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
      expect(error).toMatchObject({ outcome: 'unknown', status });
    },
  );
});
