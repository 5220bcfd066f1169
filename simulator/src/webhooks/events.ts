// Event types the Webhooks API accepts at registration (BRIEF §8 "Event types").
// Only the ePayment ones are ever delivered by this simulator; the others are accepted so that a
// registration copied from a real integration does not fail, but nothing ever publishes them.

import { PAYMENT_EVENT_NAMES, type PaymentEventName } from '../epayment/payment';

export { PAYMENT_EVENT_NAMES, type PaymentEventName };

/** `epayments.payment.authorized.v1` for `AUTHORIZED` (BRIEF §8). */
export function eventTypeFor(name: PaymentEventName): string {
  return `epayments.payment.${name.toLowerCase()}.v1`;
}

export const EPAYMENT_EVENT_TYPES: readonly string[] = PAYMENT_EVENT_NAMES.map(eventTypeFor);

const OTHER_EVENT_TYPES: readonly string[] = [
  'recurring.agreement-activated.v1',
  'recurring.agreement-rejected.v1',
  'recurring.agreement-stopped.v1',
  'recurring.agreement-expired.v1',
  'recurring.charge-reserved.v1',
  'recurring.charge-captured.v1',
  'recurring.charge-canceled.v1', // single "l" (BRIEF §8)
  'recurring.charge-failed.v1',
  'recurring.charge-refunded.v1',
  'recurring.charge-creation-failed.v1',
  'user.checked-in.v1',
  'login.merchant-initiated.ping.v1',
];

export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set([...EPAYMENT_EVENT_TYPES, ...OTHER_EVENT_TYPES]);

/** Accepts `AUTHORIZED`, `authorized` or `epayments.payment.authorized.v1`; undefined if neither. */
export function normalizeEventName(input: string): PaymentEventName | undefined {
  const upper = input.trim().toUpperCase();
  const direct = PAYMENT_EVENT_NAMES.find((n) => n === upper);
  if (direct) return direct;
  return PAYMENT_EVENT_NAMES.find((n) => eventTypeFor(n) === input.trim().toLowerCase());
}
