import { describe, expect, it } from 'vitest';
import { VippsConfigError, VippsRejectedError } from '@/lib/server/vipps/errors';
import { getUserinfoRequest, LOGGED_SUB } from '@/lib/server/vipps/requests';
import { userinfoResponseSchema } from '@/lib/server/vipps/response-schemas';
import { json, problem, rejection, scriptedFetch, testClient } from './support';

const SUB = 'c06c4afe-d9e1-4c5d-939a-177d752a0944';

/** The spec's own examples (userinfo-api.swagger.yaml 2.0.2), with `address` as the one object Vipps sends. */
const SPEC_BODY = {
  sub: SUB,
  name: 'Ada Lovelace',
  given_name: 'Ada',
  family_name: 'Lovelace',
  email: 'user@example.com',
  email_verified: true,
  phone_number: '47912345678',
  address: {
    address_type: 'home',
    country: 'NO',
    default: true,
    formatted: 'Robert Levins gate 5\n0154 Oslo',
    postal_code: '0154',
    region: 'Oslo',
    street_address: 'Robert Levins gate 5',
  },
  other_addresses: [{ addressLine1: 'Robert Levins gate 5', city: 'Oslo', country: 'Norway', postCode: '0154' }],
  birthdate: '2000-12-31',
};

describe('the userinfo request', () => {
  it('is a GET of /vipps-userinfo-api/userinfo/{sub}, retried as a read, with the sub kept out of logs', () => {
    const spec = getUserinfoRequest(SUB, 'fb-100001-1-abc');
    expect(spec).toMatchObject({
      operation: 'getUserinfo',
      method: 'GET',
      path: `/vipps-userinfo-api/userinfo/${SUB}`,
      loggedPath: `/vipps-userinfo-api/userinfo/${LOGGED_SUB}`,
      reference: 'fb-100001-1-abc',
      retryMode: 'idempotent',
    });
    expect(spec.loggedPath).not.toContain(SUB);
  });

  it('encodes the sub as one path segment and refuses an empty or dot segment', () => {
    expect(getUserinfoRequest('a/b?c').path).toBe('/vipps-userinfo-api/userinfo/a%2Fb%3Fc');
    for (const bad of ['', '.', '..']) expect(() => getUserinfoRequest(bad)).toThrow(VippsConfigError);
  });

  it('goes out with the same auth and system headers as ePayment calls, and no pino line names the sub', async () => {
    const stub = scriptedFetch([() => json(200, SPEC_BODY)]);
    const { client, log } = testClient(stub.fetch);
    const info = await client.getUserinfo(SUB, { reference: 'fb-1' });
    expect(info.name).toBe('Ada Lovelace');
    const call = stub.calls[0]!;
    expect(call.url.href).toBe(`https://apitest.vipps.no/vipps-userinfo-api/userinfo/${SUB}`);
    expect(call.method).toBe('GET');
    expect(call.headers.get('Authorization')).toMatch(/^Bearer /);
    expect(call.headers.get('Merchant-Serial-Number')).toBe('123456');
    expect(call.headers.get('Ocp-Apim-Subscription-Key')).toBeTruthy();
    expect(call.headers.get('Idempotency-Key')).toBeNull();
    expect(JSON.stringify(log.lines)).not.toContain(SUB);
    expect(JSON.stringify(log.lines)).not.toContain('Lovelace');
  });

  it('answers a 404 as a rejection (no longer served), naming no claim', async () => {
    const stub = scriptedFetch([() => problem(404)]);
    const { client } = testClient(stub.fetch);
    const error = await rejection(client.getUserinfo(SUB));
    expect(error).toBeInstanceOf(VippsRejectedError);
    expect((error as VippsRejectedError).status).toBe(404);
  });

  it('refuses an answer about another sub, and a parse failure names paths, never values', async () => {
    const other = scriptedFetch([() => json(200, { ...SPEC_BODY, sub: 'someone-else' })]);
    expect(String(await rejection(testClient(other.fetch).client.getUserinfo(SUB)))).toContain('not the one asked');
    const broken = scriptedFetch([() => json(200, { ...SPEC_BODY, email: 42, name: { secret: 'Ada Lovelace' } })]);
    const error = await rejection(testClient(broken.fetch).client.getUserinfo(SUB));
    expect(String(error)).toContain('email');
    expect(JSON.stringify(error) + String(error)).not.toContain('Lovelace');
  });
});

describe('the userinfo response schema', () => {
  it("reads the spec's example", () => {
    const info = userinfoResponseSchema.parse(SPEC_BODY);
    expect(info).toMatchObject({ sub: SUB, email_verified: true, phone_number: '47912345678' });
    expect(info.address?.street_address).toBe('Robert Levins gate 5');
    expect(info.other_addresses?.[0]?.postCode).toBe('0154');
  });

  it('needs only the sub (openid is implied; every other claim is consented one by one)', () => {
    expect(userinfoResponseSchema.parse({ sub: SUB })).toEqual({ sub: SUB });
    expect(userinfoResponseSchema.safeParse({ name: 'Ada' }).success).toBe(false);
  });

  it('quirk: `address` is one object; an array (as its `items` suggests) is read as its default item', () => {
    const home = { street_address: 'Heimveien 1', postal_code: '0001', default: false };
    const work = { street_address: 'Kontorgata 2', postal_code: '0002', default: true };
    expect(userinfoResponseSchema.parse({ sub: SUB, address: [home, work] }).address).toEqual(work);
    expect(userinfoResponseSchema.parse({ sub: SUB, address: [home] }).address).toEqual(home);
    expect(userinfoResponseSchema.parse({ sub: SUB, address: null }).address).toBeNull();
  });

  it('quirk: phone_number is "up to 15 digits", not exactly 15 as its pattern says; never a +', () => {
    expect(userinfoResponseSchema.parse({ sub: SUB, phone_number: '4791234567' }).phone_number).toBe('4791234567');
    expect(userinfoResponseSchema.parse({ sub: SUB, phone_number: '471234567890123' }).phone_number).toHaveLength(15);
    expect(userinfoResponseSchema.safeParse({ sub: SUB, phone_number: '+4791234567' }).success).toBe(false);
    expect(userinfoResponseSchema.safeParse({ sub: SUB, phone_number: '4712345678901234' }).success).toBe(false);
  });

  it('drops claims it does not read (nin, accounts, future ones): nothing we did not ask for is kept', () => {
    const parsed = userinfoResponseSchema.parse({
      ...SPEC_BODY,
      nin: '09057517287',
      accounts: [{ account_number: '86011117947' }],
      sid: 'x',
      favourite_colour: 'blue',
    });
    expect(Object.keys(parsed)).not.toEqual(expect.arrayContaining(['nin']));
    expect(JSON.stringify(parsed)).not.toMatch(/09057517287|86011117947|favourite_colour/);
  });
});
