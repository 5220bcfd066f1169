/**
 * Every change to a payment goes through here, so that each change appends exactly one event to the payment's
 * log (BRIEF §6) and publishes the same event as a webhook (BRIEF §8), and expiry is applied before anyone looks.
 */
import { randomUUID } from 'node:crypto';
import type { VirtualClock } from '../clock';
import { ProblemError } from '../http/problem';
import { newPspReference } from '../ids';
import { DEMO_PHONE_NUMBER } from '../users/generated';
import type { Amount, Payment, PaymentEventName } from './payment';
import type { PaymentStore } from './payment-store';
import type { PublishedEvent } from '../webhooks';
import { capturableValue, checkCancel, checkCapture, checkRefund } from './state-machine';

/** The webhook payload shape is owned by the webhooks module; we publish every event we log in that shape. */
export type { PublishedEvent };

/** BRIEF §9: test amount 201 gives "unknown result for 1 hour". */
export const PROCESSING_DURATION_MS = 60 * 60 * 1000;

/**
 * Refused modifications that reached a real payment are logged with `success: false` (README "Event log"):
 * business-rule codes 6xxx. Request-shape errors (4xxx) and "processing, retry" (6250) are not events.
 */
function isLoggedFailure(error: unknown): error is ProblemError {
  const code =
    error instanceof ProblemError ? error.extraDetails?.find((d) => d.name === 'ErrorCode')?.reason : undefined;
  return code !== undefined && code.startsWith('6') && code !== '6250';
}

export class PaymentService {
  constructor(
    private readonly store: PaymentStore,
    private readonly clock: VirtualClock,
    private readonly publish: (event: PublishedEvent) => void,
    /** Days from authorization to `captureGuaranteedUntil` (SIM_CAPTURE_GUARANTEE_DAYS). */
    private readonly captureGuaranteeDays: () => number = () => 7,
    /** Records the userinfo grant of an approved payment with a scope and returns its `profile.sub`. */
    private readonly grantProfile: (payment: Payment, phoneNumber: string, atMs: number) => string = () => randomUUID(),
  ) {}

  /** The payment for (MSN, reference), expiry applied; 404 with code 5090 when unknown. */
  find(msn: string, reference: string): Payment {
    const payment = this.store.get(msn, reference);
    if (!payment) throw ProblemError.coded(404, '5090', `Reference ${reference} not found.`);
    this.refresh(payment);
    return payment;
  }

  /** Lazy expiry (BRIEF §5 time windows), called on every read and operation. */
  refresh(payment: Payment): void {
    // Stamped at the moment of expiry, not when a read or the sweep noticed it (e.g. after a long clock advance).
    if (payment.state === 'CREATED' && this.clock.nowMs() >= payment.expiresAtMs) {
      this.expire(payment, payment.expiresAtMs);
    }
  }

  /** Periodic and after-clock-advance expiry, so EXPIRED events fire even when nobody reads. */
  sweep(): void {
    for (const payment of this.store.all()) this.refresh(payment);
  }

  add(payment: Payment): void {
    this.store.add(payment);
    this.append(payment, 'CREATED', payment.amount, payment.createIdempotencyKey, true, {
      pspReference: payment.pspReference,
      atMs: payment.createdAtMs,
    });
  }

  authorize(payment: Payment, phoneNumber: string | null): void {
    this.requireCreated(payment);
    payment.state = 'AUTHORIZED';
    payment.authorizedValue = payment.amount.value;
    payment.processingUntilMs = null;
    if (phoneNumber) payment.customerPhoneNumber = phoneNumber;
    // One reading of the clock, so the guarantee is exactly N days after the AUTHORIZED event's timestamp.
    const atMs = this.clock.nowMs();
    if (payment.profileScope) this.shareProfile(payment, atMs);
    // [newer] SDK 2.4.2 types: the card network's capture guarantee, on GetPayment and the authorized webhook.
    payment.captureGuaranteedUntilMs = atMs + this.captureGuaranteeDays() * 24 * 60 * 60 * 1000;
    this.append(payment, 'AUTHORIZED', payment.amount, payment.createIdempotencyKey, true, {
      atMs,
      captureGuaranteedUntil: new Date(payment.captureGuaranteedUntilMs).toISOString(),
    });
  }

  /**
   * Approval with a scope is consent (the app asks before the approve button works; force approve and the control
   * approve stand for a shopper who accepted). Without a known phone the demo user shares.
   */
  private shareProfile(payment: Payment, atMs: number): void {
    const phoneNumber = payment.customerPhoneNumber ?? DEMO_PHONE_NUMBER;
    const consent = payment.profileConsent;
    if (consent?.decision !== 'accepted' || consent.phoneNumber !== phoneNumber) {
      payment.profileConsent = { decision: 'accepted', phoneNumber, atMs, via: 'test-approve' };
    }
    payment.profileSub = this.grantProfile(payment, phoneNumber, atMs);
  }

  abort(payment: Payment): void {
    this.requireCreated(payment);
    payment.state = 'ABORTED';
    this.append(payment, 'ABORTED', payment.amount, payment.createIdempotencyKey, true);
  }

  /** `atMs`: when it expired (default now, for the control API's "expire now"). */
  expire(payment: Payment, atMs: number = this.clock.nowMs()): void {
    this.requireCreated(payment);
    payment.state = 'EXPIRED';
    this.append(payment, 'EXPIRED', payment.amount, payment.createIdempotencyKey, true, { atMs });
  }

  /** Test amount 201: the payment stays CREATED for an hour, then expires (BRIEF §9). */
  startProcessing(payment: Payment): void {
    this.requireCreated(payment);
    payment.processingUntilMs = this.clock.nowMs() + PROCESSING_DURATION_MS;
    payment.expiresAtMs = Math.max(payment.expiresAtMs, payment.processingUntilMs);
  }

  capture(payment: Payment, amount: Amount, idempotencyKey: string | null): void {
    this.checkOrLogFailure(payment, 'CAPTURED', amount, idempotencyKey, () => checkCapture(payment, amount));
    payment.capturedValue += amount.value;
    this.append(payment, 'CAPTURED', amount, idempotencyKey, true);
  }

  refund(payment: Payment, amount: Amount, idempotencyKey: string | null): void {
    this.checkOrLogFailure(payment, 'REFUNDED', amount, idempotencyKey, () => checkRefund(payment, amount));
    payment.refundedValue += amount.value;
    this.append(payment, 'REFUNDED', amount, idempotencyKey, true);
  }

  cancel(payment: Payment, idempotencyKey: string | null, cancelTransactionOnly: boolean): void {
    const attempted: Amount = {
      currency: payment.amount.currency,
      value: payment.state === 'AUTHORIZED' ? capturableValue(payment) : payment.amount.value,
    };
    const outcome = this.checkOrLogFailure(payment, 'CANCELLED', attempted, idempotencyKey, () =>
      checkCancel(payment, this.clock.nowMs(), cancelTransactionOnly),
    );
    if (outcome === 'terminate') {
      // BRIEF §5: cancel in CREATED → TERMINATED, authorized 0, cancelled = full amount.
      payment.state = 'TERMINATED';
      payment.cancelledValue = payment.amount.value;
      this.append(payment, 'TERMINATED', payment.amount, idempotencyKey, true);
    } else if (outcome === 'cancel-remainder') {
      // BRIEF §5: the whole uncaptured remainder moves to cancelled; the state stays AUTHORIZED.
      payment.cancelledValue += attempted.value;
      this.append(payment, 'CANCELLED', attempted, idempotencyKey, true);
    }
  }

  private checkOrLogFailure<T>(
    payment: Payment,
    name: PaymentEventName,
    amount: Amount,
    idempotencyKey: string | null,
    check: () => T,
  ): T {
    try {
      return check();
    } catch (error) {
      if (isLoggedFailure(error)) this.append(payment, name, amount, idempotencyKey, false);
      throw error;
    }
  }

  private requireCreated(payment: Payment): void {
    if (payment.state === 'AUTHORIZED') {
      throw ProblemError.coded(400, '6230', `Payment ${payment.reference} is already reserved.`);
    }
    if (payment.state !== 'CREATED') {
      throw ProblemError.coded(
        400,
        '10020',
        `Payment ${payment.reference} is ${payment.state}; only CREATED payments can change.`,
      );
    }
  }

  private append(
    payment: Payment,
    name: PaymentEventName,
    amount: Amount,
    idempotencyKey: string | null,
    success: boolean,
    {
      pspReference = newPspReference(),
      atMs = this.clock.nowMs(),
      captureGuaranteedUntil,
    }: { pspReference?: string; atMs?: number; captureGuaranteedUntil?: string } = {},
  ): void {
    const event = {
      reference: payment.reference,
      pspReference,
      name,
      amount: { ...amount },
      timestamp: new Date(atMs).toISOString(),
      idempotencyKey,
      success,
    };
    payment.events.push(event);
    // Only the webhook carries it, not the event log (GET …/events has no such field, even in the SDK types).
    this.publish({ msn: payment.msn, ...event, ...(captureGuaranteedUntil && { captureGuaranteedUntil }) });
  }
}
