import { describe, expect, it } from 'vitest';
import { createVippsClient } from '@/lib/server/vipps/client';
import { vippsConfigFromEnv } from '@/lib/server/vipps/config';
import { VippsConfigError } from '@/lib/server/vipps/errors';
import { parseEnv } from '@/lib/server/env/schema';
import {
  AMOUNT,
  TEST_CONFIG,
  captureLogger,
  json,
  modificationBody,
  rejection,
  scriptedFetch,
  testClient,
} from './support';

const REF = 'order-12345678';

function expectSystemHeaders(headers: Headers) {
  expect(headers.get('Ocp-Apim-Subscription-Key')).toBe(TEST_CONFIG.subscriptionKey);
  expect(headers.get('Merchant-Serial-Number')).toBe('123456');
  expect(headers.get('Vipps-System-Name')).toBe('acme-shop');
  expect(headers.get('Vipps-System-Version')).toBe('0.1.0');
  expect(headers.get('Vipps-System-Plugin-Name')).toBe('vipps-epayment-demo-shop');
  expect(headers.get('Vipps-System-Plugin-Version')).toBe('0.1.0');
}

describe('headers', () => {
  it('sends every required header on an API call, and the key only on mutating calls', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client } = testClient(stub.fetch);

    await client.capturePayment(REF, AMOUNT, { idempotencyKey: 'cap-1' });
    const capture = stub.calls[0]!;
    expectSystemHeaders(capture.headers);
    expect(capture.headers.get('Authorization')).toMatch(/^Bearer eyJ\.TEST-ACCESS-TOKEN-\d+\.sig$/);
    expect(capture.headers.get('Idempotency-Key')).toBe('cap-1');
    expect(capture.headers.get('Content-Type')).toBe('application/json');
    expect(capture.method).toBe('POST');
    expect(capture.url.href).toBe(`https://apitest.vipps.no/epayment/v1/payments/${REF}/capture`);
  });

  it('sends credentials as headers with no body on the token call (BRIEF §2)', async () => {
    const stub = scriptedFetch([() => json(200, { webhooks: [] })]);
    const { client } = testClient(stub.fetch);
    await client.listWebhooks();
    const token = stub.tokenCalls[0]!;
    expect(token.method).toBe('POST');
    expect(token.url.pathname).toBe('/accesstoken/get');
    expect(token.body).toBeUndefined();
    expect(token.headers.get('client_id')).toBe(TEST_CONFIG.clientId);
    expect(token.headers.get('client_secret')).toBe(TEST_CONFIG.clientSecret);
    expect(token.headers.get('Authorization')).toBeNull();
    expectSystemHeaders(token.headers);
    expect(stub.calls[0]!.headers.get('Idempotency-Key')).toBeNull();
    expectSystemHeaders(stub.calls[0]!.headers);
  });

  it('builds the configuration from the validated env, including the package version', () => {
    const config = vippsConfigFromEnv(parseEnv({}), '0.1.0');
    expect(config).toMatchObject({
      baseUrl: 'http://localhost:4010',
      merchantSerialNumber: '123456',
      systemName: 'vipps-epayment-demo-shop',
      pluginName: 'vipps-epayment-demo-shop',
      systemVersion: '0.1.0',
      requestTimeoutMs: 10_000,
      retryDeadlineMs: 30_000,
      allowForceApprove: true,
    });
    const production = parseEnv({
      VIPPS_BASE_URL: 'https://api.vipps.no',
      VIPPS_CLIENT_ID: 'id',
      VIPPS_CLIENT_SECRET: 's',
      VIPPS_SUBSCRIPTION_KEY: 'k',
      VIPPS_MSN: '654321',
      NEXTAUTH_SECRET: 'q3Vb8Hk1Zt9Lm2Xw7Rp4Yc6Nf0Ja5Ds8',
    });
    expect(vippsConfigFromEnv(production, '0.1.0').allowForceApprove).toBe(false);
  });

  it('refuses header values longer than 30 characters when the client is created', () => {
    const deps = { fetch, now: Date.now, sleep: async () => {}, random: Math.random, logger: captureLogger().logger };
    expect(() => createVippsClient({ ...TEST_CONFIG, systemName: 'x'.repeat(31) }, deps)).toThrow(VippsConfigError);
  });
});

describe('idempotency key', () => {
  const cases: [string, unknown][] = [
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'k'.repeat(51)],
    ['non-ASCII', 'nøkkel-1'],
    ['with spaces', 'a b'],
  ];

  it.each(cases)('is required on every mutating call (%s → not sent)', async (_label, key) => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client } = testClient(stub.fetch);
    const options = { idempotencyKey: key as string };
    const calls = [
      client.createPayment(
        { amount: AMOUNT, paymentMethod: { type: 'WALLET' }, reference: REF, userFlow: 'WEB_REDIRECT' },
        options,
      ),
      client.capturePayment(REF, AMOUNT, options),
      client.refundPayment(REF, AMOUNT, options),
      client.cancelPayment(REF, options),
    ];
    for (const call of calls) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(VippsConfigError);
      expect(error).toMatchObject({ outcome: 'not-sent' });
    }
    expect(stub.calls).toHaveLength(0);
    expect(stub.tokenCalls).toHaveLength(0);
  });

  it('accepts exactly 50 characters', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client } = testClient(stub.fetch);
    await client.capturePayment(REF, AMOUNT, { idempotencyKey: 'k'.repeat(50) });
    expect(stub.calls[0]!.headers.get('Idempotency-Key')).toHaveLength(50);
  });

  it('rejects a non-integer amount before sending (amounts are integer øre)', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(
      client.capturePayment(REF, { currency: 'NOK', value: 99.5 }, { idempotencyKey: 'k' }),
    );
    expect(error).toBeInstanceOf(VippsConfigError);
    expect(stub.calls).toHaveLength(0);
  });
});

describe('request builders', () => {
  it('URL-encodes references and uses the documented paths', async () => {
    const stub = scriptedFetch([
      () => json(200, { ...modificationBody('a/b?c'), paymentMethod: { type: 'WALLET' }, profile: {} }),
      () => json(200, []),
      () => new Response(null, { status: 200 }),
      () => new Response(null, { status: 204 }),
    ]);
    const { client } = testClient(stub.fetch);
    await client.getPayment('a/b?c');
    await client.getPaymentEvents('a/b?c');
    await client.forceApprove('a/b?c', { customer: { phoneNumber: '4712345678' } });
    await client.deleteWebhook('0b5e7e0a-1111-4c1e-9f00-000000000001');
    expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /epayment/v1/payments/a%2Fb%3Fc',
      'GET /epayment/v1/payments/a%2Fb%3Fc/events',
      'POST /epayment/v1/test/payments/a%2Fb%3Fc/approve',
      'DELETE /webhooks/v1/webhooks/0b5e7e0a-1111-4c1e-9f00-000000000001',
    ]);
  });

  it.each(['.', '..'])(
    'refuses the dot segment %j as a reference or webhook id (it would change the path)',
    async (ref) => {
      const stub = scriptedFetch([() => json(200, modificationBody())]);
      const { client } = testClient(stub.fetch);
      for (const call of [
        client.capturePayment(ref, AMOUNT, { idempotencyKey: 'cap-1' }),
        client.getPayment(ref),
        client.deleteWebhook(ref),
      ]) {
        expect(await rejection(call)).toBeInstanceOf(VippsConfigError);
      }
      expect(stub.calls).toHaveLength(0);
    },
  );

  it('sends no cancel body by default and {cancelTransactionOnly} only when asked', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client } = testClient(stub.fetch);
    await client.cancelPayment(REF, { idempotencyKey: 'c1' });
    await client.cancelPayment(REF, { idempotencyKey: 'c2', cancelTransactionOnly: true });
    expect(stub.calls[0]!.body).toBeUndefined();
    expect(stub.calls[0]!.headers.get('Content-Type')).toBeNull();
    expect(new TextDecoder().decode(stub.calls[1]!.body)).toBe('{"cancelTransactionOnly":true}');
  });

  it('refuses force approve against production', async () => {
    const stub = scriptedFetch([() => new Response(null, { status: 200 })]);
    const { client } = testClient(stub.fetch, { allowForceApprove: false, baseUrl: 'https://api.vipps.no' });
    const error = await rejection(client.forceApprove(REF, {}));
    expect(error).toBeInstanceOf(VippsConfigError);
    expect(stub.calls).toHaveLength(0);
  });

  it('registers, lists and deletes webhooks against /webhooks/v1/webhooks', async () => {
    const hook = { id: '0b5e7e0a-1111-4c1e-9f00-000000000001', url: 'https://shop.example/hook', events: ['e'] };
    const stub = scriptedFetch([
      () => json(201, { id: hook.id, secret: 'WEBHOOK-SECRET' }),
      () => json(200, { webhooks: [hook] }),
    ]);
    const { client } = testClient(stub.fetch);
    await expect(client.registerWebhook({ url: hook.url, events: hook.events })).resolves.toEqual({
      id: hook.id,
      secret: 'WEBHOOK-SECRET',
    });
    await expect(client.listWebhooks()).resolves.toEqual([hook]);
    expect(new TextDecoder().decode(stub.calls[0]!.body)).toBe(JSON.stringify({ url: hook.url, events: ['e'] }));
  });

  it('validates create and events responses leniently (extra fields, events without name)', async () => {
    const stub = scriptedFetch([
      () => json(201, { reference: REF, redirectUrl: 'vipps://token=abc', somethingNew: 1 }),
      () =>
        json(200, [
          { reference: REF, pspReference: 'p1', amount: AMOUNT, timestamp: '2025-01-01T00:00:00Z', success: true },
          { reference: REF, pspReference: 'p2', name: 'AUTHORIZED', amount: AMOUNT, timestamp: 't', success: true },
        ]),
    ]);
    const { client } = testClient(stub.fetch);
    const created = await client.createPayment(
      { amount: AMOUNT, paymentMethod: { type: 'WALLET' }, reference: REF, userFlow: 'NATIVE_REDIRECT' },
      { idempotencyKey: 'create-1' },
    );
    expect(created.redirectUrl).toBe('vipps://token=abc');
    const events = await client.getPaymentEvents(REF);
    expect(events.map((e) => e.name)).toEqual([undefined, 'AUTHORIZED']);
  });
});
