// The one money-panel builder (lib/server/orders/money-panel.ts) that the order page and the panel API share:
// amounts less what is in flight, and which operations staff may check with Vipps.
import { describe, expect, it } from 'vitest';
import type { PaymentOperationRow, PaymentRow } from '@/lib/server/db/schema';
import { getEnv } from '@/lib/server/env';
import { abandonedAfterSeconds, buildMoneyPanel, isOpenOperation } from '@/lib/server/orders/money-panel';

const NOW = new Date('2026-12-07T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

// Only the columns the builder reads; the rest of the row does not matter here.
const payment = (over: Partial<PaymentRow> = {}) =>
  ({
    reference: 'fb-1',
    currency: 'NOK',
    vippsState: 'AUTHORIZED',
    authorizedOre: 50_000,
    capturedOre: 10_000,
    refundedOre: 0,
    cancelledOre: 0,
    attentionReason: null,
    ...over,
  }) as PaymentRow;

let nextId = 1;
const operation = (over: Partial<PaymentOperationRow>) =>
  ({
    id: nextId++,
    reference: 'fb-1',
    kind: 'capture',
    amountOre: 1_000,
    status: 'succeeded',
    createdAt: ago(600),
    ...over,
  }) as PaymentOperationRow;

const build = (operations: PaymentOperationRow[], over: Partial<PaymentRow> = {}) =>
  buildMoneyPanel({ payment: payment(over), operations, now: NOW, abandonedAfterSeconds: 40, canMoveMoney: true });

describe('abandonedAfterSeconds', () => {
  it('is the retry deadline plus a margin: no request can still be calling Vipps after it', () => {
    expect(abandonedAfterSeconds(30_000)).toBe(40);
    expect(abandonedAfterSeconds(1_500)).toBe(12);
  });

  it('follows VIPPS_RETRY_DEADLINE_MS by default', () => {
    expect(abandonedAfterSeconds()).toBe(abandonedAfterSeconds(getEnv().VIPPS_RETRY_DEADLINE_MS));
  });
});

describe('isOpenOperation', () => {
  const rule = { now: NOW, abandonedAfterSeconds: 40 };
  it.each([
    ['an unknown capture, however new', { status: 'unknown', createdAt: ago(0) }, true],
    ['a pending refund past the deadline', { kind: 'refund', status: 'pending', createdAt: ago(40) }, true],
    ['a pending cancel still within it', { kind: 'cancel', status: 'pending', createdAt: ago(39) }, false],
    ['a settled capture', { status: 'succeeded' }, false],
    ['an unknown create (not a money move)', { kind: 'create', status: 'unknown' }, false],
  ] as const)('%s: %s', (_what, over, open) => {
    expect(isOpenOperation(operation(over), rule)).toBe(open);
  });
});

describe('buildMoneyPanel', () => {
  it('shows the ledger less what is in flight, and lists unknown and abandoned operations oldest first', () => {
    const abandoned = operation({ status: 'pending', amountOre: 2_000, createdAt: ago(60) });
    const running = operation({ status: 'pending', amountOre: 3_000, createdAt: ago(5) });
    const unknownRefund = operation({ kind: 'refund', status: 'unknown', amountOre: 4_000, createdAt: ago(1) });
    const done = operation({ status: 'succeeded', amountOre: 10_000 });
    const otherPayment = operation({ reference: 'fb-2', status: 'unknown' });

    const panel = build([unknownRefund, running, done, abandoned, otherPayment]);

    expect(panel).toEqual({
      reference: 'fb-1',
      currency: 'NOK',
      authorizedOre: 50_000,
      capturedOre: 10_000,
      refundedOre: 0,
      cancelledOre: 0,
      capturableOre: 50_000 - 10_000 - 2_000 - 3_000,
      refundableOre: 10_000 - 4_000,
      cancellable: false,
      cancelBlockedBy: 'Another operation on this payment has not finished yet.',
      unknownOperations: [abandoned, unknownRefund].map((o) => ({
        id: o.id,
        kind: o.kind,
        amountOre: o.amountOre,
        createdAt: o.createdAt.toISOString(),
      })),
      canMoveMoney: true,
    });
  });

  it('with nothing in flight, offers what is left and a cancel', () => {
    expect(build([operation({ status: 'succeeded' })])).toMatchObject({
      capturableOre: 40_000,
      refundableOre: 10_000,
      cancellable: true,
      unknownOperations: [],
    });
  });

  it('passes canMoveMoney through (viewers get the amounts, no buttons)', () => {
    const panel = buildMoneyPanel({
      payment: payment(),
      operations: [],
      now: NOW,
      abandonedAfterSeconds: 40,
      canMoveMoney: false,
    });
    expect(panel.canMoveMoney).toBe(false);
  });
});
