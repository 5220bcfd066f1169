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
