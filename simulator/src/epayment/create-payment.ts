/** `createPayment` (BRIEF §4.1-4.2): validate, refuse a reused reference, store, and answer with the redirect URL. */
import type { SimContext } from '../context';
import { ProblemError, type SimResponse } from '../http/problem';
import { newPaymentLinkToken, newPspReference } from '../ids';
import type { Payment } from './payment';
import { checkScopeAllowed } from './profile-scope';
import { redirectUrlFor } from './user-flow-links';
import { parseCreatePayment } from './validation';

export function createPayment(sim: SimContext, msn: string, raw: unknown, idempotencyKey: string): SimResponse {
  const nowMs = sim.clock.nowMs();
  const input = parseCreatePayment(raw, nowMs, sim.config.maxReferenceLength);
  if (input.profile?.scope) checkScopeAllowed(input.profile.scope, msn, sim.config.ninMsns);
  if (sim.store.get(msn, input.reference)) {
    // BRIEF §3: a new Idempotency-Key for an existing reference is a conflict, "Reference … already exists".
    throw ProblemError.coded(409, '4150', `Reference ${input.reference} already exists.`);
  }
  const linkToken = newPaymentLinkToken();
  const qrFormat = input.qrFormat?.format ?? 'IMAGE/SVG+XML';
  const payment: Payment = {
    msn,
    reference: input.reference,
    pspReference: newPspReference(),
    amount: { ...input.amount },
    state: 'CREATED',
    paymentMethodType: input.paymentMethod.type,
    userFlow: input.userFlow,
    returnUrl: input.returnUrl ?? null,
    paymentDescription: input.paymentDescription ?? null,
    customerPhoneNumber: input.customer?.phoneNumber ?? null,
    metadata: input.metadata ?? null,
    receipt: input.receipt ?? null,
    profileScope: input.profile?.scope ?? null,
    profileSub: null,
    profileConsent: null,
    redirectUrl: redirectUrlFor(input.userFlow, qrFormat, sim.config.publicUrl, linkToken),
    qrFormat,
    qrSize: input.qrFormat?.size ?? 1024,
    linkToken,
    createIdempotencyKey: idempotencyKey,
    createdAtMs: nowMs,
    // BRIEF §5: 10 minutes by default, or the long-living payment's own expiresAt.
    expiresAtMs: input.expiresAt ? Date.parse(input.expiresAt) : nowMs + sim.config.paymentTimeoutSeconds * 1000,
    processingUntilMs: null,
    captureGuaranteedUntilMs: null,
    authorizedValue: 0,
    capturedValue: 0,
    refundedValue: 0,
    cancelledValue: 0,
    events: [],
  };
  sim.payments.add(payment);
  return {
    status: 201,
    body: { ...(payment.redirectUrl && { redirectUrl: payment.redirectUrl }), reference: payment.reference },
    contentType: 'application/json',
  };
}
