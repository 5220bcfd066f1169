/** The simulator's payment record and the enums it uses, named as in `epayment.v1.yml`. */
import type { Receipt } from './receipt-schema';

import {
  CURRENCIES,
  PAYMENT_EVENT_NAMES,
  QR_FORMATS,
  USER_FLOWS,
  type Currency,
  type PaymentEventName,
  type PaymentState,
  type QrFormat,
  type UserFlow,
} from './enums';

export { CURRENCIES, PAYMENT_EVENT_NAMES, QR_FORMATS, USER_FLOWS };
export type { Currency, PaymentEventName, PaymentState, QrFormat, UserFlow };

export interface Amount {
  currency: Currency;
  value: number;
}

/** One entry of `GET …/events` (spec `PaymentEvent`); also the payload of the matching webhook. */
export interface PaymentEvent {
  reference: string;
  pspReference: string;
  name: PaymentEventName;
  amount: Amount;
  timestamp: string;
  idempotencyKey: string | null;
  success: boolean;
}

/** The shopper's answer to the consent card (profile sharing); who decided is the test user of that phone. */
export interface ProfileConsent {
  decision: 'accepted' | 'declined';
  /** The phone number, i.e. the test user, that decided. */
  phoneNumber: string;
  atMs: number;
  /** `app`: the consent card; `test-approve`: force approve or `/_sim` approve, which count as consent given. */
  via: 'app' | 'test-approve';
}

export interface Payment {
  msn: string;
  reference: string;
  /** Equals the CREATED event's pspReference (BRIEF §4.3). */
  pspReference: string;
  amount: Amount;
  state: PaymentState;
  paymentMethodType: 'WALLET' | 'CARD';
  userFlow: UserFlow;
  returnUrl: string | null;
  paymentDescription: string | null;
  /** From `customer.phoneNumber`, or typed on the landing page; decides whose simulated app shows it. */
  customerPhoneNumber: string | null;
  metadata: Record<string, string> | null;
  /** The create body's `receipt`, shown on the landing page and in the app. */
  receipt: Receipt | null;
  /** Normalised `profile.scope` ("openid name email"), or null when none was asked for. */
  profileScope: string | null;
  /** Set once AUTHORIZED when a scope was requested (BRIEF §4.3). */
  profileSub: string | null;
  /** Null until the shopper answers the consent card (only asked when the scope names claims). */
  profileConsent: ProfileConsent | null;
  redirectUrl: string | null;
  qrFormat: QrFormat;
  qrSize: number;
  /** The token in redirect URLs; the landing page, QR image and ForceApprove.token use it. */
  linkToken: string;
  /** Idempotency key of the create call; repeated on the user-side events, like the docs' example (BRIEF §6). */
  createIdempotencyKey: string | null;
  createdAtMs: number;
  /** When a CREATED payment turns EXPIRED (virtual clock): the 10-minute timeout, `expiresAt`, or the 201 hour. */
  expiresAtMs: number;
  /** Test amount 201 (BRIEF §9): "unknown result", processing until this time, then EXPIRED. */
  processingUntilMs: number | null;
  /** [newer] `captureGuaranteedUntil` (GetPayment, authorized webhook): set at authorization. */
  captureGuaranteedUntilMs: number | null;
  authorizedValue: number;
  capturedValue: number;
  refundedValue: number;
  cancelledValue: number;
  events: PaymentEvent[];
}
