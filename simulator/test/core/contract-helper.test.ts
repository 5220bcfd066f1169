// The contract helper itself must fail on drift, or every other test's guarantee is empty.
import { describe, expect, it } from 'vitest';
import { expectRequestMatchesSpec, expectResponseMatchesSpec } from '../support/openapi';

const amount = { currency: 'NOK', value: 1000 };
const aggregate = { authorizedAmount: amount, cancelledAmount: amount, capturedAmount: amount, refundedAmount: amount };

describe('expectResponseMatchesSpec', () => {
  it('accepts a valid GetPaymentResponse and rejects a broken one, listing the errors', () => {
    const valid = {
      aggregate,
      amount,
      state: 'AUTHORIZED',
      paymentMethod: { type: 'WALLET' },
      profile: {},
      pspReference: 'p',
      reference: 'order-12345',
    };
    expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/{reference}', 200, valid);
    expect(() =>
      expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/order-12345', 200, {
        ...valid,
        state: 'CAPTURED',
        amount: { value: 1 },
      }),
    ).toThrow(
      /(?=[\s\S]*state must be equal to one of the allowed values)(?=[\s\S]*amount must have required property 'currency')/,
    );
  });

  it('checks event logs item by item, requiring name (spec quirk corrected)', () => {
    const event = {
      reference: 'order-12345',
      pspReference: 'x',
      amount,
      timestamp: '2024-01-01T00:00:00Z',
      idempotencyKey: null,
      success: true,
    };
    expect(() =>
      expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/order-12345/events', 200, [event]),
    ).toThrow(/name/);
    expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/order-12345/events', 200, [
      { ...event, name: 'CREATED' },
    ]);
  });

  it('force approve declares no body', () => {
    expect(() =>
      expectResponseMatchesSpec('epayment', 'POST', '/epayment/v1/test/payments/order-12345/approve', 200, {
        ok: true,
      }),
    ).toThrow();
  });

  it('undeclared error statuses must match a documented error shape', () => {
    expect(() =>
      expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/order-12345', 404, { error: 'x' }),
    ).toThrow();
    expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/payments/order-12345', 401, {
      statusCode: 401,
      message: 'x',
    });
  });

  it('an unknown path or an undeclared success status fails', () => {
    expect(() => expectResponseMatchesSpec('epayment', 'GET', '/epayment/v1/nope', 200, {})).toThrow(/No path/);
    expect(() => expectResponseMatchesSpec('epayment', 'POST', '/epayment/v1/payments', 200, {})).toThrow(
      /declares no 200/,
    );
  });

  it('resolves the remote receipt $ref to the local Order Management file', () => {
    const body = { amount, paymentMethod: { type: 'WALLET' }, reference: 'order-12345', userFlow: 'QR' };
    expect(() =>
      expectRequestMatchesSpec('epayment', 'POST', '/epayment/v1/payments', { ...body, receipt: { orderLines: [] } }),
    ).toThrow(/(?=[\s\S]*orderLines must NOT have fewer than 1 items)(?=[\s\S]*'bottomLine')/);
  });
});

describe('the Userinfo spec, with its quirks corrected (support/openapi.ts fixUserinfoQuirks)', () => {
  const path = '/vipps-userinfo-api/userinfo/c06c4afe-d9e1-4c5d-939a-177d752a0944';
  const address = {
    street_address: 'Storgata 1',
    postal_code: '0155',
    region: 'Oslo',
    country: 'NO',
    formatted: 'Storgata 1\n0155 Oslo',
    address_type: 'home',
  };
  const body = { sub: 'c06c4afe-d9e1-4c5d-939a-177d752a0944', address, phone_number: '4791234567' };

  it("address is one UserinfoAddress object (the spec's `items` without a type let anything through)", () => {
    expectResponseMatchesSpec('userinfo', 'GET', path, 200, body);
    expect(() => expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, address: [address] })).toThrow(
      /address must be object/,
    );
    expect(() =>
      expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, address: { ...address, postal_code: 155 } }),
    ).toThrow(/postal_code must be string/);
  });

  it('phone_number: up to 15 digits as its text says, not exactly 15 as its pattern says', () => {
    expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, phone_number: '4791234567' });
    expect(() =>
      expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, phone_number: '+4791234567' }),
    ).toThrow(/phone_number must match pattern/);
    expect(() =>
      expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, phone_number: '4'.repeat(16) }),
    ).toThrow(/phone_number must match pattern/);
  });

  it('other_addresses are UserinfoAddress items; unknown claims fail; nin is 11 digits', () => {
    expectResponseMatchesSpec('userinfo', 'GET', path, 200, {
      ...body,
      other_addresses: [{ ...address, address_type: 'work' }],
    });
    expect(() =>
      expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, birth_date: '1990-05-17' }),
    ).toThrow(/must NOT have additional properties/);
    expect(() => expectResponseMatchesSpec('userinfo', 'GET', path, 200, { ...body, nin: '123' })).toThrow(/nin/);
  });

  it('errors are UserinfoError, whose status the spec types as a string', () => {
    expectResponseMatchesSpec('userinfo', 'GET', path, 404, { title: 'Not Found', status: '404' });
    expect(() => expectResponseMatchesSpec('userinfo', 'GET', path, 404, { title: 'Not Found', status: 404 })).toThrow(
      /status must be string/,
    );
  });
});
