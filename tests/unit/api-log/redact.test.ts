import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, scrubText } from '@/lib/server/api-log/mask';
import { MAX_LOGGED_BODY_CHARS, paymentReferenceOf, redactBodyText, redactExchange } from '@/lib/server/api-log/redact';
import type { VippsExchange } from '@/lib/server/vipps/exchange';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';

const SECRETS = [
  SIMULATOR_CREDENTIALS.clientId,
  SIMULATOR_CREDENTIALS.clientSecret,
  SIMULATOR_CREDENTIALS.subscriptionKey,
];

function exchange(overrides: Partial<VippsExchange> = {}): VippsExchange {
  return {
    operation: 'getPayment',
    method: 'GET',
    path: '/epayment/v1/payments/fb-100001-1-abcdef0123456789',
    attempt: 1,
    startedAt: Date.parse('2026-12-01T10:00:00Z'),
    durationMs: 12.4,
    status: 200,
    ...overrides,
  };
}

describe('masks', () => {
  it('keeps the first and last two digits of a phone number, whatever its spacing', () => {
    expect(maskPhone('4791234567')).toBe('47******67');
    expect(maskPhone('+47 912 34 567')).toBe('47******67');
    expect(maskPhone(4791234567)).toBe('47******67');
    expect(maskPhone('91234567')).toBe('91****67');
    expect(maskPhone('123')).toBe('****');
  });

  it('masks e-mail addresses and leaves a hint of them', () => {
    expect(maskEmail('kari.nordmann@example.com')).toBe('k***@e***.com');
    expect(scrubText('mail kari@example.no now')).toBe('mail k***@e***.no now');
  });

  it('scrubs tokens, bearer values and secret pairs from free text', () => {
    const text = 'Authorization: Bearer abc.def.ghi access_token=eyJhbGciOi.eyJzdWIiOi.c2ln secret: s3cr3t';
    const out = scrubText(text);
    expect(out).not.toMatch(/abc\.def|eyJhbGciOi|s3cr3t/);
    expect(scrubText('https://sim/landing?token=AbCdEf123&x=1')).toBe('https://sim/landing?token=[redacted]&x=1');
  });

  it('leaves ids, timestamps and amounts readable', () => {
    expect(scrubText('2026-12-01T10:00:00.000Z')).toBe('2026-12-01T10:00:00.000Z');
    expect(scrubText('fb492b5e-7907-4d83-ba20-c7fb60ca35de')).toBe('fb492b5e-7907-4d83-ba20-c7fb60ca35de');
    expect(scrubText('order fb-100001-1-12345678901234')).toBe('order fb-100001-1-12345678901234');
  });
});

describe('redactBodyText', () => {
  it('replaces the access token of a token response and keeps the rest', () => {
    const body = JSON.stringify({
      token_type: 'Bearer',
      expires_in: '3600',
      expires_on: '1495271273',
      access_token: 'opaque-token-value-123',
    });
    const out = JSON.parse(redactBodyText(body)!) as Record<string, string>;
    expect(out).toEqual({
      token_type: 'Bearer',
      expires_in: '3600',
      expires_on: '1495271273',
      access_token: '[redacted]',
    });
  });

  it("replaces a webhook registration's secret", () => {
    const out = redactBodyText(JSON.stringify({ id: 'hook-1', secret: 'WEBHOOK-SECRET-VALUE' }))!;
    expect(out).not.toContain('WEBHOOK-SECRET-VALUE');
    expect(JSON.parse(out)).toEqual({ id: 'hook-1', secret: '[redacted]' });
  });

  it('masks the customer phone number, userinfo and other personal fields', () => {
    const body = {
      customer: { phoneNumber: '4791234567' },
      userDetails: { email: 'kari@example.no', firstName: 'Kari', lastName: 'Nordmann', mobileNumber: 4791234567 },
      profile: { sub: 'c06c4afe-d9e1-4c5d-939a-177d752a0944' },
      shippingDetails: { address: { addressLine1: 'Storgata 1', postCode: '0150' } },
      msisdn: '+47 912 34 567',
    };
    const out = redactBodyText(JSON.stringify(body))!;
    for (const personal of ['4791234567', '912 34 567', 'kari@', 'Kari', 'Nordmann', 'Storgata', 'c06c4afe']) {
      expect(out).not.toContain(personal);
    }
    expect(JSON.parse(out)).toMatchObject({ customer: { phoneNumber: '47******67' }, msisdn: '47******67' });
  });

  it('keeps what staff need: event names, amounts, psp references, states', () => {
    const body = [
      {
        name: 'CAPTURED',
        amount: { currency: 'NOK', value: 123456789 },
        pspReference: '123456789012',
        reference: 'r-1',
      },
    ];
    expect(JSON.parse(redactBodyText(JSON.stringify(body))!)).toEqual(body);
  });

  it('removes configured secrets wherever they are, also in bodies that are not JSON', () => {
    const json = JSON.stringify({ detail: `bad key ${SECRETS[2]}`, nested: [{ x: SECRETS[1] }], id: SECRETS[0] });
    const text = `<html>client_id ${SECRETS[0]} / ${SECRETS[1]} / ${SECRETS[2]}</html>`;
    for (const body of [json, text]) {
      const out = redactBodyText(body, { secrets: SECRETS })!;
      for (const secret of SECRETS) expect(out).not.toContain(secret);
    }
  });

  it('cuts long bodies after redacting, so a cut never reveals part of a secret', () => {
    const long = JSON.stringify({ filler: 'x'.repeat(MAX_LOGGED_BODY_CHARS - 20), secret: 'A-LONG-SECRET-VALUE' });
    const out = redactBodyText(long)!;
    expect(out.length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 60);
    expect(out).toMatch(/…\[cut: \d+ characters in all\]$/);
    expect(out).not.toContain('A-LONG');
  });

  it('stores nothing for an empty body', () => {
    expect(redactBodyText(undefined)).toBeNull();
    expect(redactBodyText('')).toBeNull();
  });
});

describe('redactExchange', () => {
  it('links the row to the payment from the path or from the create body', () => {
    expect(paymentReferenceOf({ path: '/epayment/v1/payments/ref-1/capture' })).toBe('ref-1');
    expect(paymentReferenceOf({ path: '/epayment/v1/test/payments/ref-2/approve' })).toBe('ref-2');
    expect(paymentReferenceOf({ path: '/epayment/v1/payments', requestBody: '{"reference":"ref-3"}' })).toBe('ref-3');
    expect(paymentReferenceOf({ path: '/accesstoken/get' })).toBeNull();
    expect(paymentReferenceOf({ path: '/webhooks/v1/webhooks/hook-1' })).toBeNull();
  });

  it('fills the columns: trace id, psp reference, attempt, key, rounded duration', () => {
    const row = redactExchange(
      exchange({
        operation: 'capturePayment',
        method: 'POST',
        path: '/epayment/v1/payments/ref-1/capture',
        attempt: 2,
        idempotencyKey: 'capture-7',
        traceId: '00-abc-01',
        requestBody: '{"modificationAmount":{"currency":"NOK","value":100}}',
        responseBody: '{"pspReference":"psp-9","reference":"ref-1"}',
      }),
    );
    expect(row).toMatchObject({
      at: new Date('2026-12-01T10:00:00Z'),
      status: 200,
      attempt: 2,
      idempotencyKey: 'capture-7',
      reference: 'ref-1',
      traceId: '00-abc-01',
      pspReference: 'psp-9',
      durationMs: 12,
      error: null,
    });
  });

  it('says why no answer came, without secrets', () => {
    const row = redactExchange(
      exchange({ status: undefined, error: { reason: 'network', message: `TypeError: fetch failed ${SECRETS[1]}` } }),
      { secrets: SECRETS },
    );
    expect(row.status).toBeNull();
    expect(row.error).toBe('network: TypeError: fetch failed [redacted]');
  });
});

describe('a userinfo exchange (profile sharing)', () => {
  const CLAIMS = {
    sub: 'c06c4afe-d9e1-4c5d-939a-177d752a0944',
    name: 'Kari Nordmann',
    given_name: 'Kari',
    family_name: 'Nordmann',
    email: 'kari.nordmann@example.no',
    email_verified: true,
    phone_number: '4791234567',
    address: {
      street_address: 'Storgata 1',
      postal_code: '0155',
      region: 'Oslo',
      country: 'NO',
      formatted: 'Storgata 1\n0155 Oslo',
    },
    other_addresses: [{ addressLine1: 'Hytteveien 3', city: 'Geilo', postCode: '3580', country: 'Norway' }],
    birthdate: '1990-05-17',
    nin: '17059012345',
  };

  it('keeps no claim in clear, whatever its key, and links the row to the payment', () => {
    const row = redactExchange(
      exchange({
        operation: 'getUserinfo',
        path: '/vipps-userinfo-api/userinfo/{sub}',
        reference: 'fb-100001-1-abc',
        responseBody: JSON.stringify(CLAIMS),
      }),
      { secrets: SECRETS },
    );
    expect(row.reference).toBe('fb-100001-1-abc');
    for (const value of [
      'Kari',
      'Nordmann',
      'kari.nordmann',
      '4791234567',
      'Storgata',
      '0155',
      'Oslo',
      'Hytteveien',
      'Geilo',
      '3580',
      '1990-05-17',
      '17059012345',
      'c06c4afe',
    ]) {
      expect(row.responseBody).not.toContain(value);
    }
    expect(JSON.parse(row.responseBody!)).toMatchObject({ email_verified: true, name: 'K***' });
  });

  it('masks a sub, a formatted address and postal codes in other bodies too (e.g. GET payment)', () => {
    const body = redactBodyText(
      JSON.stringify({ profile: { sub: 'c06c4afe-d9e1' }, shippingDetails: { address: { formatted: 'Storgata 1' } } }),
    );
    expect(body).not.toMatch(/c06c4afe|Storgata/);
  });
});
