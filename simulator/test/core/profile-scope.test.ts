// profile.scope on create (BRIEF §4.1, §7): the allowed words, openid implied, 4080 and 5030, kept normalised.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf, MSN, paymentBody, problemOf, SimApi, startTestSimulator } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

async function create(scope: string) {
  const body = paymentBody({ profile: { scope } });
  const res = await api.create(body);
  return { res, reference: body.reference as string };
}

describe('profile.scope on create', () => {
  it.each(['name', 'address', 'email', 'phoneNumber', 'birthDate', 'name address email phoneNumber birthDate'])(
    'accepts %j',
    async (scope) => {
      expect((await create(scope)).res.status).toBe(201);
    },
  );

  it('accepts openid (alone or with others) and duplicates, and keeps the scope normalised: openid first, once each', async () => {
    const { res, reference } = await create('  email name openid  name email ');
    expect(res.status).toBe(201);
    expect((await api.controls.payment(reference)).profileScope).toBe('openid name email');
    const openidOnly = await create('openid');
    expect(openidOnly.res.status).toBe(201);
    expect((await api.controls.payment(openidOnly.reference)).profileScope).toBe('openid');
  });

  it.each(['shoeSize', 'name Email', 'name,email', 'profile', '', '   '])(
    'refuses %j with 4080 Invalid scope',
    async (scope) => {
      const { res } = await create(scope);
      expect(res.status).toBe(400);
      expect(errorCodeOf(res.body)).toBe('4080');
      expect(problemOf(res.body).title).toBe('Invalid scope');
    },
  );

  it('refuses nin with 5030 Illegal scope when the MSN is not configured for it, creating nothing', async () => {
    const { res, reference } = await create('name nin');
    expect(res.status).toBe(400);
    expect(errorCodeOf(res.body)).toBe('5030');
    expect(problemOf(res.body).title).toBe('Illegal scope');
    expect((await api.get(reference)).status).toBe(404);
  });

  it('a payment without a scope has none and gets no sub', async () => {
    const reference = await api.authorizedPayment();
    expect((await api.controls.payment(reference)).profileScope).toBeNull();
    expect((await api.get(reference)).body.profile).toEqual({});
  });

  it('profile is {} until AUTHORIZED, then carries sub (openid alone too)', async () => {
    const { reference } = await create('openid');
    expect((await api.get(reference)).body.profile).toEqual({});
    await api.forceApprove(reference, { customer: { phoneNumber: '4791234567' } });
    expect((await api.get(reference)).body.profile.sub).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('nin for a configured MSN (SIM_NIN_MSNS)', () => {
  let allowed: SimApi;
  beforeAll(async () => {
    allowed = await startTestSimulator({ acceptedMsns: [MSN, '654321'], ninMsns: [MSN] });
  });
  afterAll(() => allowed.running.close());

  it('is accepted for that MSN and still refused for another', async () => {
    expect((await allowed.create(paymentBody({ profile: { scope: 'nin' } }))).status).toBe(201);
    const other = new SimApi(allowed.running, '654321');
    const res = await other.create(paymentBody({ profile: { scope: 'nin' } }));
    expect(res.status).toBe(400);
    expect(errorCodeOf(res.body)).toBe('5030');
  });
});
