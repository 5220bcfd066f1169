import { describe, expect, it } from 'vitest';
import {
  VippsAuthError,
  VippsNotPerformedError,
  VippsOutcomeUnknownError,
  VippsResponseError,
} from '@/lib/server/vipps/errors';
import { tokenRefreshAtMs } from '@/lib/server/vipps/token-cache';
import { json, modificationBody, problem, rejection, scriptedFetch, testClient, tokenResponse } from './support';

const REF = 'order-12345678';
const payment = () => json(200, { ...modificationBody(), paymentMethod: { type: 'WALLET' }, profile: {} });

describe('access token', () => {
  it('fetches one token for 50 concurrent calls (single-flight) and reuses it', async () => {
    let releaseToken!: () => void;
    const tokenGate = new Promise<void>((resolve) => (releaseToken = resolve));
    const stub = scriptedFetch([payment], async () => {
      await tokenGate;
      return tokenResponse();
    });
    const { client } = testClient(stub.fetch);

    const calls = Array.from({ length: 50 }, () => client.getPayment(REF));
    releaseToken();
    await Promise.all(calls);

    expect(stub.tokenCalls).toHaveLength(1);
    expect(stub.calls).toHaveLength(50);
    const tokens = new Set(stub.calls.map((c) => c.headers.get('Authorization')));
    expect(tokens.size).toBe(1);
  });

  it('refreshes shortly before expiry, using expires_in (a string)', async () => {
    const stub = scriptedFetch([payment]);
    const { client, clock } = testClient(stub.fetch);

    await client.getPayment(REF);
    clock.t += 3_600_000 - 5 * 60_000 - 1_000; // just before the 5-minute margin
    await client.getPayment(REF);
    expect(stub.tokenCalls).toHaveLength(1);

    clock.t += 2_000; // inside the margin
    await client.getPayment(REF);
    expect(stub.tokenCalls).toHaveLength(2);
    const [first, , third] = stub.calls;
    expect(third!.headers.get('Authorization')).not.toBe(first!.headers.get('Authorization'));
  });

  it("fetches a new token when the clock jumps backwards (the cached token's age is then unknown)", async () => {
    const stub = scriptedFetch([payment]);
    const { client, clock } = testClient(stub.fetch);

    await client.getPayment(REF);
    clock.t -= 2 * 3_600_000;
    await client.getPayment(REF);

    expect(stub.tokenCalls).toHaveLength(2);
  });

  it('computes refresh time from expires_on when expires_in is missing, and halves short lifetimes', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    const expiresOn = String(now / 1000 + 3600);
    expect(tokenRefreshAtMs({ access_token: 'x', expires_on: expiresOn }, now)).toBe(now + 3_600_000 - 300_000);
    expect(tokenRefreshAtMs({ access_token: 'x', expires_in: '60' }, now)).toBe(now + 30_000);
    expect(tokenRefreshAtMs({ access_token: 'x', expires_in: '0' }, now)).toBeUndefined();
  });

  it('on 401 invalidates the token, fetches a new one once and retries once', async () => {
    const stub = scriptedFetch([() => json(401, { statusCode: 401, message: 'Access denied' }), payment]);
    const { client } = testClient(stub.fetch);

    await client.getPayment(REF);

    expect(stub.tokenCalls).toHaveLength(2);
    expect(stub.calls).toHaveLength(2);
    expect(stub.calls[1]!.headers.get('Authorization')).not.toBe(stub.calls[0]!.headers.get('Authorization'));
  });

  it('a second 401 after the refresh is a VippsAuthError (APIM-style body)', async () => {
    const apim = () =>
      json(
        401,
        { statusCode: 401, message: 'Access denied due to invalid subscription key.' },
        { 'request-id': 'r-1' },
      );
    const stub = scriptedFetch([apim]);
    const { client } = testClient(stub.fetch);

    const error = await rejection(client.getPayment(REF));

    expect(error).toBeInstanceOf(VippsAuthError);
    expect(error).toMatchObject({ outcome: 'rejected', status: 401, traceId: 'r-1' });
    expect((error as VippsAuthError).detail).toContain('invalid subscription key');
    expect(stub.tokenCalls).toHaveLength(2);
    expect(stub.calls).toHaveLength(2);
  });

  it('bad credentials at the token endpoint are a VippsAuthError and nothing is sent', async () => {
    const stub = scriptedFetch([payment], () =>
      json(401, { error: 'invalid_client', error_description: 'bad secret', trace_id: 't-9' }),
    );
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.capturePayment(REF, { currency: 'NOK', value: 1 }, { idempotencyKey: 'k1' }));
    expect(error).toBeInstanceOf(VippsAuthError);
    expect(error).toMatchObject({
      operation: 'capturePayment',
      reference: REF,
      traceId: 't-9',
      title: 'invalid_client',
    });
    expect(stub.calls).toHaveLength(0);
  });

  it('a token endpoint that stays down gives NotPerformed (nothing was sent), never a crash', async () => {
    const stub = scriptedFetch([payment], () => problem(503));
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 5_000 });
    const error = await rejection(client.getPayment(REF));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({
      outcome: 'rejected',
      reason: 'token-unavailable',
      operation: 'getPayment',
      attempts: 0,
      status: 503,
    });
    expect((error as Error).cause).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(stub.tokenCalls.length).toBeGreaterThan(1);
    expect(stub.calls).toHaveLength(0);
  });

  it('a token response without access_token is rejected as malformed and not cached', async () => {
    let call = 0;
    const stub = scriptedFetch([payment], () => {
      call += 1;
      return call === 1 ? json(200, { token_type: 'Bearer', expires_in: '3600' }) : tokenResponse();
    });
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.getPayment(REF));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect((error as Error).cause).toBeInstanceOf(VippsResponseError);
    await expect(client.getPayment(REF)).resolves.toMatchObject({ reference: REF });
  });

  it('accepts numeric expires_in as well as the spec strings', async () => {
    const stub = scriptedFetch([payment], () => tokenResponse({ expires_in: 3600, expires_on: undefined }));
    const { client } = testClient(stub.fetch);
    await client.getPayment(REF);
    await client.getPayment(REF);
    expect(stub.tokenCalls).toHaveLength(1);
  });
});

describe('access token within the call deadline', () => {
  /** Real time: the token wait is bounded by a wall-clock timer, like the per-attempt timeout. */
  const realClock = () => ({
    clock: { t: 0, sleeps: [] as number[] },
    now: () => Date.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  });
  const hangUntilAborted = (request: Request) =>
    new Promise<Response>((_, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
    });

  it('does not send an attempt once a slow token fetch has used up the rest of the budget', async () => {
    let tokenCall = 0;
    const holder: { clock?: { t: number } } = {};
    const stub = scriptedFetch(
      [
        () => {
          holder.clock!.t += 25_000; // the first attempt took most of the 30 s budget, then said 401
          return json(401, { statusCode: 401, message: 'Access denied' });
        },
        payment,
      ],
      () => {
        tokenCall += 1;
        if (tokenCall === 2) holder.clock!.t += 10_000; // the refresh outlives the caller's deadline
        return tokenResponse();
      },
    );
    const { client, clock } = testClient(stub.fetch, { retryDeadlineMs: 30_000 });
    holder.clock = clock;

    const error = await rejection(client.getPayment(REF));

    // The one attempt that was sent got a 401, which the gateway answers before touching the payment.
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ reason: 'token-unavailable', status: undefined, attempts: 1 });
    expect(stub.calls).toHaveLength(1);
  });

  it('stops waiting for a hanging token fetch at the call deadline (the token fetch has its own budget)', async () => {
    let tokenCall = 0;
    const stub = scriptedFetch(
      [
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          return json(401, { statusCode: 401, message: 'Access denied' });
        },
        payment,
      ],
      (request) => {
        tokenCall += 1;
        return tokenCall === 1 ? tokenResponse() : hangUntilAborted(request);
      },
    );
    // Real timers, so seconds apart: a busy machine may add a few hundred ms, never the 1.5 s the bug adds.
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 2_000, requestTimeoutMs: 5_000 }, realClock());

    const startedAt = Date.now();
    const error = await rejection(client.getPayment(REF));
    const elapsed = Date.now() - startedAt;

    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ reason: 'token-unavailable', attempts: 1 });
    // Within the call's 2 s deadline; before the fix the refresh ran on a fresh 2 s budget of its own: ~3.5 s.
    expect(elapsed).toBeLessThan(2_900);
    expect(stub.calls).toHaveLength(1);
  });

  it('bad credentials after an attempt whose answer was lost are outcome unknown, not rejected', async () => {
    const stub = scriptedFetch(
      [
        () => {
          throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
        },
        () => json(401, { statusCode: 401, message: 'Access denied' }),
      ],
      (() => {
        let n = 0;
        return () => (++n === 1 ? tokenResponse() : json(401, { error: 'invalid_client' }));
      })(),
    );
    const { client } = testClient(stub.fetch);

    const error = await rejection(client.capturePayment(REF, { currency: 'NOK', value: 1 }, { idempotencyKey: 'k1' }));

    // The first capture may have happened; "rejected" would invite a retry with a new key.
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'token-unavailable' });
    expect((error as Error).cause).toBeInstanceOf(VippsAuthError);
  });
});
