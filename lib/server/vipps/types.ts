// Friendly names for the generated OpenAPI types (scripts/generate-vipps-types.mjs). The rest of the app
// imports these, never the generated files directly, so a regeneration changes one place.
import type { components as AccessToken } from './generated/access-token';
import type { components as EPayment } from './generated/epayment';
import type { components as Webhooks } from './generated/webhooks';

type EPaymentSchemas = EPayment['schemas'];

export type Amount = EPaymentSchemas['Amount'];
export type Currency = EPaymentSchemas['Currency'];
export type PaymentState = EPaymentSchemas['State'];
export type PaymentEventName = EPaymentSchemas['PaymentEventName'];
export type Aggregate = EPaymentSchemas['Aggregate'];
export type CreatePaymentRequest = EPaymentSchemas['CreatePaymentRequest'];
export type CreatePaymentResponse = EPaymentSchemas['CreatePaymentResponse'];
export type GetPaymentResponse = EPaymentSchemas['GetPaymentResponse'];
export type ModificationResponse = EPaymentSchemas['ModificationResponse'];
/** `name` is optional in the generated type: the spec's `required` list omits it (BRIEF §4 quirk). */
export type PaymentEvent = EPaymentSchemas['PaymentEvent'];
export type ForceApproveRequest = EPaymentSchemas['ForceApprove'];
export type Problem = EPaymentSchemas['Problem'];
/** ePayment webhook payload (BRIEF §8), for the webhook route handler. */
export type PaymentWebhookEvent = EPaymentSchemas['WebhookEvent'];

export type AuthorizationTokenResponse = AccessToken['schemas']['AuthorizationTokenResponse'];

export type RegisterWebhookRequest = Webhooks['schemas']['RegisterRequest'];
export type RegisterWebhookResponse = Webhooks['schemas']['RegisterResponse'];
export type RegisteredWebhook = Webhooks['schemas']['Webhook'];
export type WebhookQueryResponse = Webhooks['schemas']['QueryResponse'];
export type WebhookProblemDetails = Webhooks['schemas']['ProblemDetails'];

/** The ePayment webhook event types (BRIEF §8 "Event types"). */
export const EPAYMENT_WEBHOOK_EVENTS = [
  'epayments.payment.created.v1',
  'epayments.payment.aborted.v1',
  'epayments.payment.expired.v1',
  'epayments.payment.cancelled.v1',
  'epayments.payment.captured.v1',
  'epayments.payment.refunded.v1',
  'epayments.payment.authorized.v1',
  'epayments.payment.terminated.v1',
] as const;
