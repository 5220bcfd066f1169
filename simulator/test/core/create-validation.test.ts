// createPayment validation (BRIEF §4.1, §7): each rule answers with the code Vipps uses, or a schema 400 naming
// the field. All answers are contract-checked Problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf, paymentBody, startTestSimulator, problemOf, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());

const inMinutes = (minutes: number) => new Date(api.sim.clock.nowMs() + minutes * 60_000).toISOString();
const receipt = {
  orderLines: [
    {
      name: 'Boots',
      id: 'sku-1',
      totalAmount: 24900,
      totalAmountExcludingTax: 19920,
      totalTaxAmount: 4980,
      taxPercentage: 25,
    },
  ],
  bottomLine: { currency: 'NOK' },
};

async function codeFor(overrides: Record<string, unknown>): Promise<string | undefined> {
  const res = await api.create(paymentBody(overrides));
  expect(res.status).toBe(400);
  return errorCodeOf(res.body);
}

async function fieldsFor(overrides: Record<string, unknown>): Promise<string[]> {
  const res = await api.create(paymentBody(overrides));
  expect(res.status).toBe(400);
  expect(errorCodeOf(res.body)).toBeUndefined();
  return (problemOf(res.body).extraDetails ?? []).map((d) => d.name);
}

describe('amount', () => {
  it('NOK below 100 øre → 6010; DKK and EUR accept 1', async () => {
    expect(await codeFor({ amount: { currency: 'NOK', value: 99 } })).toBe('6010');
    expect((await api.create(paymentBody({ amount: { currency: 'DKK', value: 1 } }))).status).toBe(201);
    expect((await api.create(paymentBody({ amount: { currency: 'EUR', value: 1 } }))).status).toBe(201);
  });
  it('decimals, negatives and values above 65 000 000 → 4040', async () => {
    expect(await codeFor({ amount: { currency: 'NOK', value: 100.5 } })).toBe('4040');
    expect(await codeFor({ amount: { currency: 'NOK', value: -1 } })).toBe('4040');
    expect(await codeFor({ amount: { currency: 'NOK', value: 65_000_001 } })).toBe('4040');
  });
  it('unknown currency is a schema 400 on amount.currency', async () => {
    expect(await fieldsFor({ amount: { currency: 'SEK', value: 1000 } })).toEqual(['amount.currency']);
  });
});

describe('reference, description and unknown fields', () => {
  it.each(['short', 'has spaces in it', 'x'.repeat(51), 'ørnulf-123'])(
    'reference %j → schema 400',
    async (reference) => {
      expect(await fieldsFor({ reference })).toEqual(['reference']);
    },
  );
  it('paymentDescription must be 3-100 characters', async () => {
    expect(await fieldsFor({ paymentDescription: 'ab' })).toEqual(['paymentDescription']);
    expect(await fieldsFor({ paymentDescription: 'x'.repeat(101) })).toEqual(['paymentDescription']);
  });
  it('unknown top-level fields are rejected, naming them', async () => {
    expect(await fieldsFor({ orderId: '1', shipping: {} })).toEqual(['orderId', 'shipping']);
  });
  it('missing required fields are named', async () => {
    const res = await api.create({ amount: { currency: 'NOK', value: 1000 } });
    expect(res.status).toBe(400);
    expect((problemOf(res.body).extraDetails ?? []).map((d) => d.name).sort()).toEqual([
      'paymentMethod',
      'reference',
      'userFlow',
    ]);
  });
  it('a body that is not JSON is a schema 400', async () => {
    const res = await api.create(undefined, { rawBody: '{not json' });
    expect(res.status).toBe(400);
  });
});

describe('customer', () => {
  it('phoneNumber must be an MSISDN of 10-15 digits → 4070', async () => {
    expect(await codeFor({ customer: { phoneNumber: '+4791234567' } })).toBe('4070');
    expect(await codeFor({ customer: { phoneNumber: '91234567' } })).toBe('4070');
  });
  it('personalQr 5-255 characters → 4060', async () => {
    expect(await codeFor({ customer: { personalQr: 'abc' } })).toBe('4060');
  });
  it('exactly one of phoneNumber, personalQr, customerToken (oneOf)', async () => {
    expect(await fieldsFor({ customer: { phoneNumber: '4791234567', customerToken: 'tok' } })).toEqual(['customer']);
    expect(await fieldsFor({ customer: {} })).toEqual(['customer']);
  });
  it('PUSH_MESSAGE needs a customer → 4140', async () => {
    expect(await codeFor({ userFlow: 'PUSH_MESSAGE', returnUrl: undefined })).toBe('4140');
  });
});

describe('returnUrl and receiptUrl', () => {
  it('WEB_REDIRECT without returnUrl → 4140', async () => {
    expect(await codeFor({ returnUrl: undefined })).toBe('4140');
  });
  it.each(['http://shop.example/return', 'not a url', 'javascript:alert(1)'])(
    'returnUrl %j → 4090',
    async (returnUrl) => {
      expect(await codeFor({ returnUrl })).toBe('4090');
    },
  );
  it.each(['https://shop.example/r', 'myshopapp://order/1', 'http://localhost:3000/r', 'http://127.0.0.1:3000/r'])(
    'returnUrl %j is accepted (https, custom scheme, and http on localhost as a simulator convenience)',
    async (returnUrl) => {
      expect((await api.create(paymentBody({ returnUrl }))).status).toBe(201);
    },
  );
  // The WHATWG URL parser silently drops tabs and line breaks, so such a URL parses; it must still be refused,
  // or the landing page's 303 to it fails (a header value cannot hold CR/LF) after the payment was authorized.
  it.each(['https://shop.example/r\r\nSet-Cookie: a=b', 'https://shop.example/r\tx', 'https://shop.example/a b'])(
    'returnUrl %j with whitespace or control characters → 4090',
    async (returnUrl) => {
      expect(await codeFor({ returnUrl })).toBe('4090');
    },
  );
  it('receiptUrl follows the same rule → 4090', async () => {
    expect(await codeFor({ receiptUrl: 'http://shop.example/receipt' })).toBe('4090');
  });
});

describe('metadata, scope, payment method', () => {
  it('more than 5 keys → 4100; key over 100 → 4120; value over 500 → 4130', async () => {
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, 'v']));
    expect(await codeFor({ metadata: six })).toBe('4100');
    expect(await codeFor({ metadata: { ['k'.repeat(101)]: 'v' } })).toBe('4120');
    expect(await codeFor({ metadata: { key: 'v'.repeat(501) } })).toBe('4130');
  });
  it('metadata within the limits is echoed by GetPayment', async () => {
    const body = paymentBody({ metadata: { orderId: '42', channel: 'web' } });
    await api.create(body);
    expect((await api.get(body.reference as string)).body.metadata).toEqual({ orderId: '42', channel: 'web' });
  });
  it('unknown profile scope → 4080', async () => {
    expect(await codeFor({ profile: { scope: 'name shoeSize' } })).toBe('4080');
  });
  it('CARD only with WEB_REDIRECT → 4160; unknown type → 4160', async () => {
    expect(await codeFor({ paymentMethod: { type: 'CARD' }, userFlow: 'QR' })).toBe('4160');
    expect(await codeFor({ paymentMethod: { type: 'BANK' } })).toBe('4160');
    expect((await api.create(paymentBody({ paymentMethod: { type: 'CARD' } }))).status).toBe(201);
  });
});

describe('expiresAt (long-living payments)', () => {
  const longLiving = (expiresAt: string, extra: Record<string, unknown> = {}) => ({
    userFlow: 'QR',
    returnUrl: undefined,
    receipt,
    expiresAt,
    ...extra,
  });
  it('is only allowed with PUSH_MESSAGE or QR', async () => {
    const res = await api.create(paymentBody({ expiresAt: inMinutes(60), receipt }));
    expect(res.status).toBe(400);
    expect(problemOf(res.body).title).toBe('ExpiresAt not allowed');
  });
  it('needs a receipt → 6130', async () => {
    expect(await codeFor(longLiving(inMinutes(60), { receipt: undefined }))).toBe('6130');
  });
  it('must be more than 10 minutes ahead → 6120', async () => {
    expect(await codeFor(longLiving(inMinutes(9)))).toBe('6120');
  });
  it('must be less than 28 days ahead → 6110', async () => {
    expect(await codeFor(longLiving(inMinutes(28 * 24 * 60 + 1)))).toBe('6110');
  });
  it('a valid long-living payment is created', async () => {
    expect((await api.create(paymentBody(longLiving(inMinutes(60 * 24))))).status).toBe(201);
  });
  it('must be an RFC 3339 date-time', async () => {
    expect(await fieldsFor(longLiving('tomorrow'))).toEqual(['expiresAt']);
  });
});

describe('headers', () => {
  it('Idempotency-Key is required and at most 50 characters', async () => {
    const missing = await api.create(paymentBody(), { headers: { 'Idempotency-Key': undefined } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ extraDetails: [{ name: 'Idempotency-Key' }] });
    const long = await api.create(paymentBody(), { key: 'k'.repeat(51) });
    expect(long.status).toBe(400);
    expect((await api.create(paymentBody(), { key: 'k'.repeat(50) })).status).toBe(201);
  });
});
