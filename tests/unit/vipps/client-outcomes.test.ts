// What a call that ends without a result promises (outcome.ts): "definitely not done"
// (VippsNotPerformedError, outcome `rejected`) only when no attempt of the call can have had an effect;
// once one attempt may have reached the payment, the outcome stays unknown however the call ends.
import { describe, expect, it } from 'vitest';
import { VippsNotPerformedError, VippsOutcomeUnknownError } from '@/lib/server/vipps/errors';
import {
  AMOUNT,
  json,
  modificationBody,
  problem,
  rejection,
  scriptedFetch,
  testClient,
  tokenResponse,
} from './support';

const REF = 'order-12345678';
const KEY = { idempotencyKey: 'capture-order-12345678-1' };
const rateLimited = () => json(429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'retry-after': '1' });
const networkError = () => {
  throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
};
const unauthorized = () => json(401, { statusCode: 401, message: 'Access denied' });
/** A token endpoint that answers once, then is down. */
const tokenOnceThenDown = () => {
  let n = 0;
  return () => (++n === 1 ? tokenResponse() : problem(503));
};

describe('a call that ends without a result', () => {
  it('is NotPerformed when every attempt got 429 and the attempts ran out', async () => {
    const stub = scriptedFetch([rateLimited]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 3 } });

    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));

    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({
      outcome: 'rejected',
      reason: 'rate-limited',
      status: 429,
      attempts: 3,
      operation: 'capturePayment',
      reference: REF,
    });
    expect(stub.calls).toHaveLength(3);
  });

  it('is NotPerformed when the last 429 left no time for another send', async () => {
    const stub = scriptedFetch([() => json(429, {}, { 'retry-after': '5' })]);
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 3_000 });

    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));

    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ reason: 'rate-limited', status: 429, attempts: 1 });
    expect(stub.calls).toHaveLength(1);
  });

  it('is NotPerformed after a 401 that a token refresh answered, then 429s', async () => {
    const stub = scriptedFetch([unauthorized, rateLimited]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 3 } });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ reason: 'rate-limited' });
  });

  it('is NotPerformed for a webhook registration that was only ever rate-limited', async () => {
    const stub = scriptedFetch([rateLimited]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 2 } });
    const error = await rejection(client.registerWebhook({ url: 'https://shop.example/hook', events: [] }));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(stub.calls).toHaveLength(2);
  });

  it('is NotPerformed when no token could be had before anything was sent', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())], () => problem(503));
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 5_000 });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ outcome: 'rejected', reason: 'token-unavailable', attempts: 0 });
    expect(stub.calls).toHaveLength(0);
  });

  it('is NotPerformed when the token is lost after a 429 (nothing sent had an effect)', async () => {
    const stub = scriptedFetch([rateLimited, unauthorized], tokenOnceThenDown());
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 5_000 });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(error).toMatchObject({ reason: 'token-unavailable', attempts: 2 });
  });
});

describe('a call whose earlier attempt may have reached Vipps stays outcome unknown', () => {
  it.each([
    ['a 5xx', () => problem(503)],
    ['a network error after sending', networkError],
  ])('%s, then 429 until the attempts ran out', async (_name, first) => {
    const stub = scriptedFetch([first, rateLimited]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 3 } });

    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));

    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', status: 429, attempts: 3 });
  });

  it('a 5xx, then no token for the next attempt', async () => {
    const stub = scriptedFetch([() => problem(500), unauthorized], tokenOnceThenDown());
    const { client } = testClient(stub.fetch, { retryDeadlineMs: 5_000 });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'token-unavailable' });
  });

  it('423 until the attempts ran out: the payment is busy with an operation that may be this one', async () => {
    const stub = scriptedFetch([() => problem(423)]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 2 } });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ status: 423 });
  });

  it('a 423, then 429 until the attempts ran out', async () => {
    const stub = scriptedFetch([() => problem(423), rateLimited]);
    const { client } = testClient(stub.fetch, { retryPolicy: { maxAttempts: 3 } });
    const error = await rejection(client.capturePayment(REF, AMOUNT, KEY));
    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ status: 429 });
  });
});
