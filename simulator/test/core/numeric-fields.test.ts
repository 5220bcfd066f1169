// Vipps' official Postman collection sends `reference` and `customer.phoneNumber` as JSON numbers,
// the reference with 19 digits (above 2^53). They are accepted as their exact digits; nothing goes through a float.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf, paymentBody, problemOf, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

/** A create body whose `reference` and `phoneNumber` are written into the JSON text as bare numbers. */
function rawBody(reference: string, phoneNumber = '4791234567', extra: Record<string, unknown> = {}): string {
  return JSON.stringify(paymentBody({ reference: '@REF@', customer: { phoneNumber: '@PHONE@' }, ...extra }))
    .replace('"@REF@"', reference)
    .replace('"@PHONE@"', phoneNumber);
}

describe('numbers where the API takes strings', () => {
  it('a 19-digit reference and a numeric phone number keep every digit, and the path reference finds it', async () => {
    const reference = '1234561795563665035'; // MSN + Date.now(), as the collection builds it
    expect(String(JSON.parse(reference))).not.toBe(reference); // what plain JSON.parse would have stored
    const created = await api.create(undefined, { rawBody: rawBody(reference) });
    expect(created.status).toBe(201);
    expect(created.body.reference).toBe(reference);
    const fetched = await api.get(reference);
    expect(fetched.status).toBe(200);
    expect(fetched.body.reference).toBe(reference);
    const approved = await api.forceApprove(reference, {});
    expect(approved.status).toBe(200);
    const events = await api.events(reference);
    expect(events.body.map((e) => e.reference)).toEqual([reference, reference]);
    expect((await api.control<{ customerPhoneNumber: string }>('GET', `/payments/${reference}`)).body).toMatchObject({
      customerPhoneNumber: '4791234567',
    });
  });

  it('the same numeric reference again is "already exists", not a new payment', async () => {
    const reference = '1234561795563665036';
    expect((await api.create(undefined, { rawBody: rawBody(reference) })).status).toBe(201);
    const again = await api.create(undefined, { rawBody: rawBody(reference) });
    expect(again.status).toBe(409);
    expect(errorCodeOf(again.body)).toBe('4150');
  });

  it.each([
    ['an exponent', '1.2e19'],
    ['a fraction', '12345678.5'],
    ['a minus sign', '-12345678'],
    ['too few digits', '1234567'],
  ])('a numeric reference with %s is refused like a bad string', async (_label, reference) => {
    const res = await api.create(undefined, { rawBody: rawBody(reference) });
    expect(res.status).toBe(400);
    expect(problemOf(res.body).extraDetails?.[0]?.name).toBe('reference');
  });

  it('a numeric phone number that is not an MSISDN is 4070', async () => {
    const res = await api.create(undefined, { rawBody: rawBody('1234561795563665037', '12') });
    expect(errorCodeOf(res.body)).toBe('4070');
  });

  it('an amount beyond 2^53 is 4040, never a rounded number', async () => {
    const raw = rawBody('1234561795563665038').replace('"value":24900', '"value":12345678901234567890');
    const res = await api.create(undefined, { rawBody: raw });
    expect(res.status).toBe(400);
    expect(errorCodeOf(res.body)).toBe('4040');
  });
});

describe('force approve as the Postman collection sends it', () => {
  it('a numeric phone number next to a placeholder token approves (the phone names the test user)', async () => {
    const ref = await api.createPayment();
    const raw = '{"customer":{"phoneNumber":4712345678},"token":"<This value will be overwritten on each initiate>"}';
    const res = await api.request('epayment', 'POST', `/epayment/v1/test/payments/${ref}/approve`, {
      rawBody: raw,
      headers: await api.apiHeaders(),
    });
    expect(res.status).toBe(200);
    expect((await api.get(ref)).body.state).toBe('AUTHORIZED');
  });

  it('a wrong token on its own is still refused with 10010', async () => {
    const ref = await api.createPayment();
    const res = await api.forceApprove(ref, { token: 'not-this-payments-token' });
    expect(errorCodeOf(res.body)).toBe('10010');
    expect((await api.get(ref)).body.state).toBe('CREATED');
  });
});
