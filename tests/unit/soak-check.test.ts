import { describe, expect, it } from 'vitest';
import { checkSoak } from '../system/support/soak-check';
import type { SoakWorld } from '../system/support/soak';

// The soak's verdict must be able to fail: a fake world whose ledger and simulator disagree in known ways.
const NO_FAULTS = {
  status5xx: 0,
  lostAfterCommit: 0,
  rateLimited: 0,
  webhookDropped: 0,
  webhookDuplicated: 0,
  webhookReordered: 0,
};
const amount = (value: number) => ({ value });
const aggregate = (authorized: number, captured: number) => ({
  authorizedAmount: amount(authorized),
  capturedAmount: amount(captured),
  refundedAmount: amount(0),
  cancelledAmount: amount(0),
});

function fakeWorld(tables: { payments: object[]; orders: object[]; ops: object[] }, simPayments: object[]): SoakWorld {
  return {
    sim: { payments: () => Promise.resolve(simPayments), requests: () => Promise.resolve([]) },
    db: {
      query: (text: string) =>
        Promise.resolve({
          rows: text.includes('from payments')
            ? tables.payments
            : text.includes('from orders')
              ? tables.orders
              : tables.ops,
        }),
    },
  } as unknown as SoakWorld;
}

describe('the soak verdict', () => {
  it('counts a capture Vipps made twice, a ledger that differs, a lost order and an unsettled operation', async () => {
    const ours = {
      vipps_state: 'AUTHORIZED',
      authorized_ore: 1000,
      captured_ore: 1000,
      refunded_ore: 0,
      cancelled_ore: 0,
    };
    const world = fakeWorld(
      {
        payments: [
          { reference: 'double', ...ours },
          { reference: 'differs', ...ours, captured_ore: 500 },
        ],
        orders: [{ order_number: 'FB-1' }],
        ops: [
          { reference: 'double', kind: 'capture', idempotency_key: 'k1', status: 'succeeded', amount_ore: 1000 },
          { reference: 'differs', kind: 'capture', idempotency_key: 'k2', status: 'unknown', amount_ore: 1000 },
        ],
      },
      [
        {
          reference: 'double',
          state: 'AUTHORIZED',
          aggregate: aggregate(1000, 1000),
          events: [
            { name: 'CAPTURED', amount: amount(500), idempotencyKey: 'k1', success: true },
            { name: 'CAPTURED', amount: amount(500), idempotencyKey: 'k1', success: true },
          ],
        },
        { reference: 'differs', state: 'AUTHORIZED', aggregate: aggregate(1000, 1000), events: [] },
        { reference: 'only-at-vipps', state: 'CREATED', aggregate: aggregate(0, 0), events: [] },
      ],
    );
    const report = await checkSoak(
      world,
      [
        { orderNumber: 'FB-1', reference: 'double' },
        { orderNumber: 'FB-2', reference: 'differs' },
      ],
      NO_FAULTS,
      { seed: 1, log: () => {}, timeoutMs: 0 },
    );
    expect(report).toMatchObject({ ordersLost: 2, doubleMoves: 1, ledgerMismatches: 1, unknownOperations: 1 });
  });
});
