// GET /vipps-userinfo-api/userinfo/{sub} after approval: the spec's shape, consented claims only, sub per
// (user, MSN), 401/403/404, the window on the virtual clock, faults and the request log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MSN, SimApi, startTestSimulator } from '../support/sim-client';
import {
  appPathFor,
  createWithScope,
  DEMO_PHONE,
  postForm,
  shareAndApprove,
  subOf,
  userinfo,
} from '../support/profile';

const OTHER_MSN = '654321';
let api: SimApi;
let other: SimApi;
beforeAll(async () => {
  api = await startTestSimulator({ acceptedMsns: [MSN, OTHER_MSN], ninMsns: [MSN] });
  other = new SimApi(api.running, OTHER_MSN);
});
afterAll(() => api.running.close());
beforeEach(async () => {
  await api.reset();
  other.forgetToken();
});

/** A payment approved in the app by `phone` after accepting the card; returns its reference and sub. */
async function shared(scope: string, via: SimApi = api, phone = DEMO_PHONE) {
  const { reference, token } = await createWithScope(via, scope);
  await shareAndApprove(via, appPathFor(phone, token));
  return { reference, sub: await subOf(via, reference) };
}

describe('userinfo after approval', () => {
  it('answers sub plus the consented claims only, in the spec’s shape (address is one object)', async () => {
    const { sub } = await shared('name email address');
    const res = await userinfo(api, sub);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sub,
      name: 'Kari Nordmann',
      given_name: 'Kari',
      family_name: 'Nordmann',
      email: 'kari.nordmann@example.no',
      email_verified: true,
      address: {
        street_address: 'Storgata 1',
        postal_code: '0155',
        region: 'Oslo',
        country: 'NO',
        formatted: 'Storgata 1\n0155 Oslo',
        address_type: 'home',
      },
    });
  });

  it('every scope word: phone_number digits, birthdate, nin (MSN allowed), other_addresses with the address', async () => {
    await api.controls.users.put(DEMO_PHONE, {
      other_addresses: [{ street_address: 'Bryggen 2', postal_code: '5003', region: 'Bergen', address_type: 'work' }],
    });
    const { sub } = await shared('name address email phoneNumber birthDate nin');
    const { status, body } = await userinfo(api, sub);
    expect(status).toBe(200);
    expect(body).toMatchObject({ phone_number: DEMO_PHONE, birthdate: '1990-05-17' });
    expect(body.nin).toMatch(/^170590\d{5}$/);
    expect(body.other_addresses).toEqual([
      expect.objectContaining({
        street_address: 'Bryggen 2',
        address_type: 'work',
        formatted: 'Bryggen 2\n5003 Bergen',
      }),
    ]);
  });

  it('openid alone gives just the sub', async () => {
    const ref = (await createWithScope(api, 'openid')).reference;
    await api.forceApprove(ref, { customer: { phoneNumber: DEMO_PHONE } });
    const sub = await subOf(api, ref);
    expect((await userinfo(api, sub)).body).toEqual({ sub });
  });

  it('serves what the user shared when approving, not later changes to the test user', async () => {
    const { sub } = await shared('name');
    await api.controls.users.put(DEMO_PHONE, { name: 'Someone Else' });
    expect((await userinfo(api, sub)).body.name).toBe('Kari Nordmann');
  });
});

describe('sub', () => {
  it('is the same for the same shopper paying twice at one MSN, and the later grant is served', async () => {
    const first = await shared('name');
    const second = await shared('name email');
    expect(second.sub).toBe(first.sub);
    expect(Object.keys((await userinfo(api, first.sub)).body)).toContain('email');
  });

  it('differs for another MSN and for another shopper', async () => {
    const kariHere = await shared('name');
    const kariThere = await shared('name', other);
    const perHere = await shared('name', api, '4798765432');
    expect(new Set([kariHere.sub, kariThere.sub, perHere.sub]).size).toBe(3);
  });
});

describe('userinfo errors (UserinfoError, status as a string)', () => {
  it('401 without a token, with a wrong or expired token, or without the subscription key', async () => {
    const { sub } = await shared('name');
    for (const headers of [
      { Authorization: undefined },
      { Authorization: 'Bearer not-a-token' },
      { Authorization: (await api.apiHeaders()).Authorization?.replace('Bearer ', '') },
      { 'Ocp-Apim-Subscription-Key': undefined },
      { 'Ocp-Apim-Subscription-Key': 'wrong' },
    ]) {
      const res = await userinfo(api, sub, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.status).toBe('401');
    }
    await api.advanceClock(3600); // the token's lifetime; the grant's window is as long, so 404 would not do
    const expired = await userinfo(api, sub);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('404 for an unknown sub', async () => {
    const res = await userinfo(api, '6f1c2d3e-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: '404', title: 'Not Found' });
  });

  it('403 for a sub another MSN was granted; 403 for an MSN this subscription does not serve', async () => {
    const { sub } = await shared('name');
    const res = await userinfo(other, sub);
    expect(res.status).toBe(403);
    expect(res.body.status).toBe('403');
    expect((await userinfo(api, sub, { 'Merchant-Serial-Number': '999999' })).status).toBe(403);
  });

  it('400 without Merchant-Serial-Number while the subscription serves several MSNs, or with a malformed one', async () => {
    const { sub } = await shared('name');
    expect((await userinfo(api, sub, { 'Merchant-Serial-Number': undefined })).status).toBe(400);
    expect((await userinfo(api, sub, { 'Merchant-Serial-Number': '12' })).status).toBe(400);
  });
});

describe('the userinfo window on the virtual clock (SIM_USERINFO_WINDOW_SECONDS)', () => {
  let short: SimApi;
  beforeAll(async () => {
    short = await startTestSimulator({ userinfoWindowSeconds: 600 });
  });
  afterAll(() => short.running.close());

  it('serves the data until the window ends, then answers 404', async () => {
    const { sub } = await shared('name', short);
    await short.advanceClock(599);
    expect((await userinfo(short, sub)).status).toBe(200);
    await short.advanceClock(1);
    const gone = await userinfo(short, sub);
    expect(gone.status).toBe(404);
    expect(gone.body.status).toBe('404');
  });

  it('without Merchant-Serial-Number a single-MSN simulator means its MSN', async () => {
    const { sub } = await shared('name', short);
    expect((await userinfo(short, sub, { 'Merchant-Serial-Number': undefined })).status).toBe(200);
  });
});

describe('faults and the request log', () => {
  it('a userinfo fault (by payment reference or by sub) answers once in the UserinfoError shape', async () => {
    const { sub, reference } = await shared('name');
    await api.controls.faults.add({ operation: 'userinfo', reference, kind: 'status', status: 500 });
    await api.controls.faults.add({ operation: 'userinfo', reference: sub, kind: 'status', status: 503 });
    const first = await userinfo(api, sub);
    expect(first.status).toBe(500);
    expect(first.body.status).toBe('500');
    expect((await userinfo(api, sub)).status).toBe(503);
    expect((await userinfo(api, sub)).status).toBe(200);
  });

  it('each call is listed under the payment’s reference', async () => {
    const { sub, reference } = await shared('name');
    await userinfo(api, sub);
    const calls = (await api.controls.requests({ reference })).filter((r) => r.path.startsWith('/vipps-userinfo-api'));
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', status: '200', reference })]);
  });

  it('reset forgets the grants', async () => {
    const { sub } = await shared('name');
    await api.reset();
    expect((await userinfo(api, sub)).status).toBe(404);
  });

  it('the app still refuses approval without consent, so no grant exists', async () => {
    const { reference, token } = await createWithScope(api, 'name');
    expect((await postForm(api, `${appPathFor(DEMO_PHONE, token)}/approve`)).status).toBe(409);
    expect((await api.get(reference)).body.profile).toEqual({});
  });
});
