// A body that cannot become the JSON object Vipps expects is a caller bug: a VippsConfigError before any
// network activity (no token call either), never a bare TypeError or a POST with no or a `null` body.
import { describe, expect, it } from 'vitest';
import { VippsConfigError } from '@/lib/server/vipps/errors';
import type { CreatePaymentRequest, ForceApproveRequest, RegisterWebhookRequest } from '@/lib/server/vipps/types';
import { json, modificationBody, rejection, scriptedFetch, testClient } from './support';

const REF = 'order-12345678';
const KEY = { idempotencyKey: 'key-order-12345678' };

function circular(): Record<string, unknown> {
  const body: Record<string, unknown> = {
    amount: { currency: 'NOK', value: 1_000 },
    paymentMethod: { type: 'WALLET' },
    reference: REF,
    userFlow: 'WEB_REDIRECT',
  };
  body.metadata = { self: body };
  return body;
}

const validCreate = () => ({
  amount: { currency: 'NOK', value: 1_000 },
  paymentMethod: { type: 'WALLET' },
  reference: REF,
  userFlow: 'WEB_REDIRECT',
  returnUrl: 'https://shop.example/return',
});

/** Bodies a JavaScript caller (or an `as` cast) can pass that JSON cannot carry as an object. */
const BAD_BODIES: [string, () => unknown][] = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a string', () => 'amount=1000'],
  ['an array', () => [validCreate()]],
  ['a BigInt', () => 1_000n],
  ['an object holding a BigInt', () => ({ ...validCreate(), metadata: { orderId: 42n } })],
  ['a circular object', circular],
  ['an object whose toJSON returns undefined', () => ({ ...validCreate(), toJSON: () => undefined })],
  ['an object whose toJSON returns null', () => ({ ...validCreate(), toJSON: () => null })],
];

function setup() {
  const stub = scriptedFetch([() => json(200, modificationBody())]);
  return { stub, client: testClient(stub.fetch).client };
}

async function expectConfigErrorBeforeNetwork(call: (client: ReturnType<typeof setup>['client']) => Promise<unknown>) {
  const { stub, client } = setup();
  const error = await rejection(call(client));
  expect(error).toBeInstanceOf(VippsConfigError);
  expect(error).toMatchObject({ outcome: 'not-sent' });
  expect(stub.calls).toHaveLength(0);
  expect(stub.tokenCalls).toHaveLength(0);
  return error as VippsConfigError;
}

describe('request bodies that are not JSON objects', () => {
  it.each(BAD_BODIES)('createPayment with %s', async (_name, body) => {
    const error = await expectConfigErrorBeforeNetwork((c) => c.createPayment(body() as CreatePaymentRequest, KEY));
    expect(error.operation).toBe('createPayment');
  });

  it.each(BAD_BODIES)('forceApprove with %s', async (_name, body) => {
    await expectConfigErrorBeforeNetwork((c) => c.forceApprove(REF, body() as ForceApproveRequest));
  });

  it.each(BAD_BODIES.slice(0, 5))('registerWebhook with %s', async (_name, body) => {
    await expectConfigErrorBeforeNetwork((c) => c.registerWebhook(body() as RegisterWebhookRequest));
  });

  it('registerWebhook with a BigInt in a field that is sent', async () => {
    const body = { url: 'https://shop.example/api/vipps/webhook', events: [1n] } as unknown as RegisterWebhookRequest;
    await expectConfigErrorBeforeNetwork((c) => c.registerWebhook(body));
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a BigInt currency', { currency: 1n, value: 1_000 }],
    ['a BigInt value', { currency: 'NOK', value: 1_000n }],
    ['a Symbol value', { currency: 'NOK', value: Symbol('1000') }],
  ])('capture and refund with %s as the amount', async (_name, amount) => {
    const asAmount = amount as Parameters<ReturnType<typeof setup>['client']['capturePayment']>[1];
    await expectConfigErrorBeforeNetwork((c) => c.capturePayment(REF, asAmount, KEY));
    await expectConfigErrorBeforeNetwork((c) => c.refundPayment(REF, asAmount, KEY));
  });

  it('cancel with a cancelTransactionOnly that JSON cannot carry', async () => {
    const options = { ...KEY, cancelTransactionOnly: 1n as unknown as boolean };
    await expectConfigErrorBeforeNetwork((c) => c.cancelPayment(REF, options));
  });

  it('still sends a valid body unchanged', async () => {
    const { stub, client } = setup();
    const created = scriptedFetch([() => json(201, { reference: REF, redirectUrl: 'https://x.example/r' })]);
    await testClient(created.fetch).client.createPayment(validCreate() as CreatePaymentRequest, KEY);
    expect(new TextDecoder().decode(created.calls[0]!.body)).toBe(JSON.stringify(validCreate()));
    await client.cancelPayment(REF, { ...KEY, cancelTransactionOnly: true });
    expect(new TextDecoder().decode(stub.calls[0]!.body)).toBe('{"cancelTransactionOnly":true}');
  });
});
