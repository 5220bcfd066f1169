// Access Token API and the gateway checks (BRIEF §2, §3, §7): token shape, credentials, 401 shapes, MSN rules,
// token expiry on the virtual clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  MSN,
  CLIENT_SECRET,
  SUBSCRIPTION_KEY,
  paymentBody,
  startTestSimulator,
  type SimApi,
} from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator({ acceptedMsns: [MSN, '654321'] });
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

type TokenBody = Record<string, string>;
const fetchToken = (headers: Record<string, string | undefined>, path = '/accesstoken/get') =>
  api.request<TokenBody>('token', 'POST', path, { headers });

describe('POST /accesstoken/get', () => {
  it('returns the all-string AuthorizationTokenResponse with a long JWT-looking token', async () => {
    const res = await fetchToken(api.tokenHeaders());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: '3600', ext_expires_in: '0' });
    expect(Number(res.body.expires_on) - Number(res.body.not_before)).toBe(3600);
    expect(res.body.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.access_token?.length).toBeGreaterThan(1000);
  });

  it('also answers on /accessToken/get (Postman spelling)', async () => {
    expect((await fetchToken(api.tokenHeaders(), '/accessToken/get')).status).toBe(200);
  });

  it('wrong client_secret → 401 invalid_client in the Azure AD shape', async () => {
    const res = await fetchToken({ ...api.tokenHeaders(), client_secret: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('unknown client_id → 401 unauthorized_client; missing client_id → 400 invalid_request', async () => {
    expect(
      (await fetchToken({ ...api.tokenHeaders(), client_id: '00000000-0000-0000-0000-000000000000' })).body,
    ).toMatchObject({
      error: 'unauthorized_client',
    });
    const missing = await fetchToken({ ...api.tokenHeaders(), client_id: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
  });

  it('missing or wrong subscription key → 401 in the API Management shape', async () => {
    const missing = await fetchToken({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      statusCode: 401,
      message:
        'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    });
    const wrong = await fetchToken({ ...api.tokenHeaders(), 'Ocp-Apim-Subscription-Key': 'other' });
    expect(wrong.body).toEqual({
      statusCode: 401,
      message:
        'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
    });
  });

  it('honours a configured lifetime', async () => {
    const short = await startTestSimulator({ tokenLifetimeSeconds: 60 });
    try {
      const res = await short.request<TokenBody>('token', 'POST', '/accesstoken/get', {
        headers: short.tokenHeaders(),
      });
      expect(res.body.expires_in).toBe('60');
    } finally {
      await short.running.close();
    }
  });
});

describe('gateway checks on API calls', () => {
  const reference = 'some-reference-1';

  it.each([
    ['no Authorization header', { Authorization: undefined }],
    ['a token without "Bearer"', { Authorization: 'TOKEN' }],
    ['an unknown token', { Authorization: 'Bearer eyJhbGciOi.fake.token' }],
  ])('%s → 401 APIM shape', async (_what, headers) => {
    const res = await api.get(reference, { headers });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' });
  });

  it('the raw token without the word Bearer is refused', async () => {
    const res = await api.get(reference, { headers: { Authorization: await api.token() } });
    expect(res.status).toBe(401);
  });

  it('missing or wrong subscription key on an API call → 401 APIM shape', async () => {
    const missing = await api.get(reference, { headers: { 'Ocp-Apim-Subscription-Key': undefined } });
    expect(missing.status).toBe(401);
    expect(String((missing.body as unknown as { message: string }).message)).toContain('missing subscription key');
    const wrong = await api.get(reference, { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } });
    expect(wrong.status).toBe(401);
    expect(String((wrong.body as unknown as { message: string }).message)).toContain('invalid subscription key');
  });

  it('tokens expire on the virtual clock', async () => {
    const ref = await api.createPayment();
    await api.advanceClock(3599);
    expect((await api.get(ref)).status).toBe(200);
    await api.advanceClock(2);
    const expired = await api.get(ref);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ statusCode: 401, message: 'Unauthorized. Access token has expired.' });
    api.forgetToken();
    expect((await api.get(ref)).status).toBe(200);
  });

  it('the Webhooks API sits behind the same checks', async () => {
    const noToken = await api.request('webhooks', 'GET', '/webhooks/v1/webhooks', {
      headers: { 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
    });
    expect(noToken.status).toBe(401);
    const noKey = await api.request('webhooks', 'GET', '/webhooks/v1/webhooks', {
      headers: { Authorization: `Bearer ${await api.token()}` },
    });
    expect(noKey.status).toBe(401);
    const ok = await api.request('webhooks', 'GET', '/webhooks/v1/webhooks', { headers: await api.apiHeaders() });
    expect(ok.status).toBe(200);
  });
});

describe('Merchant-Serial-Number', () => {
  it('missing → 400 Problem naming the header', async () => {
    const res = await api.create(paymentBody(), { headers: { 'Merchant-Serial-Number': undefined } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ extraDetails: [{ name: 'Merchant-Serial-Number' }] });
  });
  it('malformed → 400 Problem', async () => {
    expect((await api.get('some-reference-1', { headers: { 'Merchant-Serial-Number': '12ab' } })).status).toBe(400);
  });
  it('well-formed but not accepted → 403 Problem', async () => {
    expect((await api.create(paymentBody(), { headers: { 'Merchant-Serial-Number': '999999' } })).status).toBe(403);
  });
  it('payments are scoped per MSN', async () => {
    const ref = await api.createPayment();
    const other = { headers: { 'Merchant-Serial-Number': '654321' } };
    expect((await api.get(ref, other)).status).toBe(404);
    // The same reference is free under the other MSN.
    expect((await api.create(paymentBody({ reference: ref }), other)).status).toBe(201);
  });
});

describe('Vipps-System-* headers', () => {
  it('a value over 30 characters → 400 Problem naming the header, and nothing is created', async () => {
    const body = paymentBody();
    const res = await api.create(body, { headers: { 'Vipps-System-Plugin-Name': 'x'.repeat(31) } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ extraDetails: [{ name: 'Vipps-System-Plugin-Name' }] });
    expect((await api.get(body.reference as string)).status).toBe(404);
  });
  it('30 characters and the usual example values are accepted', async () => {
    const headers = {
      'Vipps-System-Name': 'acme',
      'Vipps-System-Version': '3.1.2',
      'Vipps-System-Plugin-Name': 'x'.repeat(30),
      'Vipps-System-Plugin-Version': '4.5.6',
    };
    expect((await api.create(paymentBody(), { headers })).status).toBe(201);
  });
});
