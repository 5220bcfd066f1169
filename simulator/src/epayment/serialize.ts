/** Response bodies of the ePayment API, shaped exactly as `epayment.v1.yml` declares them. */
import type { Payment, PaymentEvent } from './payment';
import { aggregateOf } from './state-machine';

/** `GetPaymentResponse`: `profile` is `{}` until AUTHORIZED with a requested scope (BRIEF §4.3). */
export function toGetPaymentResponse(payment: Payment) {
  return {
    aggregate: aggregateOf(payment),
    amount: { ...payment.amount },
    state: payment.state,
    paymentMethod: { type: payment.paymentMethodType },
    profile: payment.profileSub ? { sub: payment.profileSub } : {},
    pspReference: payment.pspReference,
    reference: payment.reference,
    ...(payment.redirectUrl && { redirectUrl: payment.redirectUrl }),
    ...(payment.metadata && { metadata: { ...payment.metadata } }),
    ...(payment.captureGuaranteedUntilMs !== null && {
      captureGuaranteedUntil: new Date(payment.captureGuaranteedUntilMs).toISOString(),
    }),
  };
}

/** `ModificationResponse` (cancel, capture, refund). */
export function toModificationResponse(payment: Payment) {
  return {
    amount: { ...payment.amount },
    state: payment.state,
    aggregate: aggregateOf(payment),
    pspReference: payment.pspReference,
    reference: payment.reference,
  };
}

export function toEventLog(payment: Payment): PaymentEvent[] {
  return payment.events.map((event) => ({ ...event, amount: { ...event.amount } }));
}
