// Checks a schema cannot express: that a 2xx reply is about the payment we asked for, and that its money
// adds up. A reply that fails one is a `VippsResponseError` (outcome unknown: read the payment back), never
// a success the caller would book.
import type { Aggregate, Amount, PaymentEvent } from './types';

/** Problems found in a parsed reply, as `path: message` strings like the schema issues (no personal data). */
export type ResponseCheck<T> = (data: T) => string[];

/**
 * Every reply about a payment echoes its `reference` (BRIEF §4.2–4.4). A different one means a proxy, cache
 * or our own plumbing mixed up two calls; booking it would move one order's money on another's record.
 */
export function referenceIssues(expected: string | undefined, actual: string, path = 'reference'): string[] {
  if (expected === undefined || actual === expected) return [];
  return [`${path}: the reply is for reference "${actual}", not the requested "${expected}"`];
}

export const sameReference =
  (expected: string | undefined): ResponseCheck<{ reference: string }> =>
  (data) =>
    referenceIssues(expected, data.reference);

export const eventsForReference =
  (expected: string): ResponseCheck<PaymentEvent[]> =>
  (events) =>
    events.flatMap((event, i) => referenceIssues(expected, event.reference, `${i}.reference`));

/**
 * BRIEF §5 bookkeeping: only reserved money can be captured (more is 6090) and only captured money refunded
 * (more is 6150), and `capturedAmount` never decreases on refund. So captured ≤ authorized and
 * refunded ≤ captured in every consistent reply. Deliberately no rule for `cancelledAmount`: a cancel before
 * authorization reports cancelled = amount with authorized 0 (BRIEF §5), so it is not bounded by the others.
 */
export function aggregateIssues(payment: { amount: Amount; aggregate: Aggregate }): string[] {
  const { amount, aggregate } = payment;
  const entries = Object.entries(aggregate) as [keyof Aggregate, Amount][];
  // A payment has one currency (BRIEF §4.1); comparing values across currencies would be meaningless. Zero
  // amounts are let through whatever their currency, since nothing is compared or booked for them.
  const wrongCurrency = entries
    .filter(([, a]) => a.value !== 0 && a.currency !== amount.currency)
    .map(([name, a]) => `aggregate.${name}.currency: ${a.currency}, but the payment is in ${amount.currency}`);
  if (wrongCurrency.length > 0) return wrongCurrency;
  const { authorizedAmount, capturedAmount, refundedAmount } = aggregate;
  const issues: string[] = [];
  if (capturedAmount.value > authorizedAmount.value) {
    issues.push(
      `aggregate.capturedAmount: ${capturedAmount.value} is more than authorizedAmount ${authorizedAmount.value}`,
    );
  }
  if (refundedAmount.value > capturedAmount.value) {
    issues.push(
      `aggregate.refundedAmount: ${refundedAmount.value} is more than capturedAmount ${capturedAmount.value}`,
    );
  }
  return issues;
}

/** GetPayment and ModificationResponse: the right payment, and an aggregate that adds up. */
export const paymentReplyChecks =
  (reference: string): ResponseCheck<{ reference: string; amount: Amount; aggregate: Aggregate }> =>
  (data) => [...referenceIssues(reference, data.reference), ...aggregateIssues(data)];
