/** The enums of `epayment.v1.yml` the simulator uses, in one module that imports nothing (no import circles). */
export const CURRENCIES = ['NOK', 'DKK', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const USER_FLOWS = ['PUSH_MESSAGE', 'NATIVE_REDIRECT', 'WEB_REDIRECT', 'QR'] as const;
export type UserFlow = (typeof USER_FLOWS)[number];

export const QR_FORMATS = ['TEXT/TARGETURL', 'IMAGE/SVG+XML', 'IMAGE/PNG'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

export type PaymentState = 'CREATED' | 'ABORTED' | 'EXPIRED' | 'AUTHORIZED' | 'TERMINATED';

/** Spec `PaymentEventName`: the one list of event names (event log, webhooks, webhook faults). */
export const PAYMENT_EVENT_NAMES = [
  'CREATED',
  'ABORTED',
  'EXPIRED',
  'CANCELLED',
  'CAPTURED',
  'REFUNDED',
  'AUTHORIZED',
  'TERMINATED',
] as const;
export type PaymentEventName = (typeof PAYMENT_EVENT_NAMES)[number];
