// A well-formed 2xx is success only if it is about the payment we asked for and its money adds up;
// otherwise it is a VippsResponseError: outcome unknown, read the payment back.
import { describe, expect, it } from 'vitest';
import { VippsResponseError } from '@/lib/server/vipps/errors';
import { aggregateIssues } from '@/lib/server/vipps/response-checks';
import type { Aggregate, Amount } from '@/lib/server/vipps/types';
import { AMOUNT, json, modificationBody, rejection, scriptedFetch, testClient } from './support';

const REF = 'order-12345678';
const OTHER = 'order-87654321';
const KEY = { idempotencyKey: 'op-order-12345678' };
const nok = (value: number): Amount => ({ currency: 'NOK', value });
const payment = (body = modificationBody()) => ({ ...body, paymentMethod: { type: 'WALLET' }, profile: {} });

function aggregate(authorized: number, captured: number, refunded: number, cancelled = 0): Aggregate {
  return {
    authorizedAmount: nok(authorized),
    capturedAmount: nok(captured),
    refundedAmount: nok(refunded),
    cancelledAmount: nok(cancelled),
  };
}

async function responseErrorFor(
  reply: unknown,
  call: (c: ReturnType<typeof testClient>['client']) => Promise<unknown>,
) {
  const stub = scriptedFetch([() => json(200, reply)]);
  const error = await rejection(call(testClient(stub.fetch).client));
  expect(error).toBeInstanceOf(VippsResponseError);
  expect(error).toMatchObject({ outcome: 'unknown', status: 200, reference: REF });
  // Not retried: resending cannot make a reply about another payment right.
  expect(stub.calls).toHaveLength(1);
  return (error as VippsResponseError).issues.join('; ');
}

describe('a 2xx reply about another payment reference', () => {
  it.each([
    ['capturePayment', (c: ReturnType<typeof testClient>['client']) => c.capturePayment(REF, AMOUNT, KEY)],
    ['refundPayment', (c: ReturnType<typeof testClient>['client']) => c.refundPayment(REF, AMOUNT, KEY)],
    ['cancelPayment', (c: ReturnType<typeof testClient>['client']) => c.cancelPayment(REF, KEY)],
  ])('%s is a response error', async (_op, call) => {
    const issues = await responseErrorFor(modificationBody(OTHER), call);
    expect(issues).toContain(`reference "${OTHER}"`);
  });

  it('getPayment is a response error', async () => {
    expect(await responseErrorFor(payment(modificationBody(OTHER)), (c) => c.getPayment(REF))).toContain(OTHER);
  });

  it('createPayment is a response error', async () => {
    const body = {
      amount: AMOUNT,
      paymentMethod: { type: 'WALLET' as const },
      reference: REF,
      userFlow: 'QR' as const,
    };
    const issues = await responseErrorFor({ reference: OTHER }, (c) => c.createPayment(body, KEY));
    expect(issues).toContain(OTHER);
  });

  it('getPaymentEvents with one event of another payment is a response error', async () => {
    const event = (reference: string) => ({
      reference,
      pspReference: 'p',
      name: 'CREATED',
      amount: AMOUNT,
      timestamp: '2025-01-15T10:00:00Z',
      success: true,
    });
    const issues = await responseErrorFor([event(REF), event(OTHER)], (c) => c.getPaymentEvents(REF));
    expect(issues).toContain('1.reference');
  });
});

describe('a 2xx reply whose aggregate does not add up', () => {
  it.each([
    ['captured above authorized', aggregate(10_000, 10_001, 0), 'capturedAmount'],
    ['refunded above captured', aggregate(10_000, 5_000, 5_001), 'refundedAmount'],
    ['captured with nothing authorized', aggregate(0, 1, 0), 'capturedAmount'],
  ])('%s is a response error for capture and get', async (_name, agg, field) => {
    const reply = { ...modificationBody(), aggregate: agg };
    expect(await responseErrorFor(reply, (c) => c.capturePayment(REF, AMOUNT, KEY))).toContain(field);
    expect(await responseErrorFor(payment(reply), (c) => c.getPayment(REF))).toContain(field);
  });

  it('a non-zero amount in another currency than the payment is a response error', async () => {
    const agg = { ...aggregate(10_000, 0, 0), capturedAmount: { currency: 'DKK' as const, value: 5_000 } };
    const issues = await responseErrorFor({ ...modificationBody(), aggregate: agg }, (c) =>
      c.capturePayment(REF, AMOUNT, KEY),
    );
    expect(issues).toContain('capturedAmount.currency');
  });

  it('accepts every consistent shape the BRIEF documents', () => {
    const amount = nok(1_000);
    // §4.3 example: authorized, nothing captured, the rest cancelled.
    expect(aggregateIssues({ amount, aggregate: aggregate(1_000, 0, 0, 1_000) })).toEqual([]);
    // §5: cancel after a partial capture releases the remainder.
    expect(aggregateIssues({ amount, aggregate: aggregate(1_000, 250, 0, 750) })).toEqual([]);
    // §5: cancel in CREATED (TERMINATED): authorized 0, cancelled = amount.
    expect(aggregateIssues({ amount, aggregate: aggregate(0, 0, 0, 1_000) })).toEqual([]);
    // §5: capturedAmount does not decrease on refund; full refund of a full capture.
    expect(aggregateIssues({ amount, aggregate: aggregate(1_000, 1_000, 1_000) })).toEqual([]);
    // A zero amount in another currency is not compared or booked.
    const zeroDkk = { ...aggregate(1_000, 0, 0), refundedAmount: { currency: 'DKK' as const, value: 0 } };
    expect(aggregateIssues({ amount, aggregate: zeroDkk })).toEqual([]);
  });

  it('still resolves a consistent capture reply', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    await expect(testClient(stub.fetch).client.capturePayment(REF, AMOUNT, KEY)).resolves.toMatchObject({
      reference: REF,
    });
  });
});
