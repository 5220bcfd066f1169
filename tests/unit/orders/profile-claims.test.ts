import { describe, expect, it } from 'vitest';
import { PROFILE_SCOPE } from '@/lib/shop-api';
import { createPaymentBody } from '@/lib/server/orders/create-payment-body';
import {
  claimsFromUserinfo,
  describeProfileFailure,
  MAX_PROFILE_ATTEMPTS,
  profileBackoffSeconds,
} from '@/lib/server/orders/profile-claims';
import { VippsOutcomeUnknownError, VippsRejectedError, VippsResponseError } from '@/lib/server/vipps/errors';
import { userinfoResponseSchema } from '@/lib/server/vipps/response-schemas';

const INPUT = {
  reference: 'fb-100001-1-abc',
  orderNumber: 'FB-100001',
  currency: 'NOK',
  totalOre: 12_900,
  lines: [
    {
      position: 1,
      sku: 'fjord-mug',
      name: 'Fjord mug',
      quantity: 1,
      unitPriceOre: 12_900,
      totalOre: 12_900,
      vatPercent: 25,
      vatOre: 2_580,
    },
  ],
  publicBaseUrl: 'http://localhost:3000',
};

describe('the create body', () => {
  it('asks for PROFILE_SCOPE when the shopper chose to share', () => {
    expect(createPaymentBody({ ...INPUT, profileScope: PROFILE_SCOPE }).profile).toEqual({ scope: PROFILE_SCOPE });
  });

  it('is byte for byte what it was without the choice (no `profile` key at all)', () => {
    const without = JSON.stringify(createPaymentBody(INPUT));
    expect(without).not.toContain('profile');
    expect(JSON.stringify(createPaymentBody({ ...INPUT, profileScope: undefined }))).toBe(without);
    const withScope = JSON.parse(
      JSON.stringify(createPaymentBody({ ...INPUT, profileScope: PROFILE_SCOPE })),
    ) as Record<string, unknown>;
    delete withScope.profile;
    expect(JSON.stringify(withScope)).toBe(without);
  });
});

describe('what is kept of a userinfo answer', () => {
  it('maps the claims to our names, the spec `Address` shape of other_addresses too, and never the sub or nin', () => {
    const claims = claimsFromUserinfo(
      userinfoResponseSchema.parse({
        sub: 'sub-1',
        name: 'Kari Nordmann',
        given_name: 'Kari',
        family_name: 'Nordmann',
        email: 'Kari@Example.no',
        email_verified: false,
        phone_number: '4791234567',
        address: { street_address: 'Storgata 1', postal_code: '0155', region: 'Oslo', country: 'NO' },
        other_addresses: [
          {
            addressLine1: 'Hytteveien 3',
            addressLine2: 'Postboks 9',
            city: 'Geilo',
            country: 'Norway',
            postCode: '3580',
          },
          {},
        ],
        nin: '09057517287',
      }),
    );
    expect(claims).toEqual({
      name: 'Kari Nordmann',
      givenName: 'Kari',
      familyName: 'Nordmann',
      email: 'Kari@Example.no',
      emailVerified: false,
      phoneNumber: '4791234567',
      address: { streetAddress: 'Storgata 1', postalCode: '0155', region: 'Oslo', country: 'NO', formatted: null },
      otherAddresses: [
        {
          streetAddress: 'Hytteveien 3, Postboks 9',
          postalCode: '3580',
          region: 'Geilo',
          country: 'NO',
          formatted: null,
        },
      ],
      birthDate: null,
    });
    expect(JSON.stringify(claims)).not.toMatch(/sub-1|09057517287/);
  });

  it('keeps nulls for claims the shopper did not share', () => {
    expect(claimsFromUserinfo({ sub: 's' })).toMatchObject({
      name: null,
      email: null,
      address: null,
      otherAddresses: [],
    });
  });
});

describe('a failed fetch', () => {
  it('is described from the kind and status only, never from the text Vipps sent', () => {
    const detail = 'Kari Nordmann, kari@example.no';
    const errors = [
      new VippsRejectedError({ operation: 'getUserinfo', status: 404, detail, title: detail }),
      new VippsRejectedError({ operation: 'getUserinfo', status: 403, detail }),
      new VippsOutcomeUnknownError({ operation: 'getUserinfo', reason: 'timeout', attempts: 3, detail }),
      new VippsResponseError({ operation: 'getUserinfo', issues: [detail] }),
      new Error(detail),
    ];
    const words = errors.map(describeProfileFailure);
    expect(words[0]).toBe('Vipps no longer serves this profile (404)');
    expect(words[1]).toBe('Vipps refused the userinfo call (HTTP 403)');
    for (const text of words) expect(text).not.toMatch(/Kari|example/);
  });

  it('backs off 30 s, 60 s, 120 s … at most an hour, over a bounded number of attempts', () => {
    expect([1, 2, 3].map(profileBackoffSeconds)).toEqual([30, 60, 120]);
    expect(profileBackoffSeconds(20)).toBe(3_600);
    expect(MAX_PROFILE_ATTEMPTS).toBeGreaterThan(1);
  });
});
