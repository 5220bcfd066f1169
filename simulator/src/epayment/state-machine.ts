/**
 * Money and state rules of BRIEF §5, as pure checks over a payment. Each check either passes or throws the
 * Problem Vipps would send, with its error code. The payment service applies the change afterwards.
 *
 * States: CREATED → AUTHORIZED | ABORTED | EXPIRED | TERMINATED. AUTHORIZED is final: capture, refund and cancel
 * only move money between the `aggregate` buckets.
 */
import { ProblemError } from '../http/problem';
import type { Amount, Payment } from './payment';

export interface Aggregate {
  authorizedAmount: Amount;
  cancelledAmount: Amount;
  capturedAmount: Amount;
  refundedAmount: Amount;
}

export function aggregateOf(payment: Payment): Aggregate {
  const of = (value: number): Amount => ({ currency: payment.amount.currency, value });
  return {
    authorizedAmount: of(payment.authorizedValue),
    cancelledAmount: of(payment.cancelledValue),
    capturedAmount: of(payment.capturedValue),
    refundedAmount: of(payment.refundedValue),
  };
}

/** BRIEF §5: capturable = authorized − captured − cancelled. */
export const capturableValue = (payment: Payment): number =>
  payment.authorizedValue - payment.capturedValue - payment.cancelledValue;

/** BRIEF §5: refundable = captured − refunded (captured never decreases on refund). */
export const refundableValue = (payment: Payment): number => payment.capturedValue - payment.refundedValue;

export const isProcessing = (payment: Payment, nowMs: number): boolean =>
  payment.state === 'CREATED' && payment.processingUntilMs !== null && nowMs < payment.processingUntilMs;

function checkModificationAmount(payment: Payment, amount: Amount): void {
  if (amount.currency !== payment.amount.currency) {
    throw ProblemError.coded(
      400,
      '4040',
      `The currency ${amount.currency} does not match the payment's currency ${payment.amount.currency}.`,
    );
  }
  if (amount.value <= 0) throw ProblemError.coded(400, '4040', 'The modification amount must be greater than zero.');
}

export function checkCapture(payment: Payment, amount: Amount): void {
  checkModificationAmount(payment, amount);
  if (payment.state === 'TERMINATED' || (payment.state === 'AUTHORIZED' && payment.cancelledValue > 0)) {
    throw ProblemError.coded(400, '6070', 'The payment has been cancelled, so it cannot be captured.');
  }
  if (payment.state !== 'AUTHORIZED') {
    throw ProblemError.coded(
      400,
      '6080',
      'The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.',
    );
  }
  const capturable = capturableValue(payment);
  if (amount.value > capturable) {
    throw ProblemError.coded(
      400,
      '6090',
      `Capture amount ${amount.value} is higher than the capturable amount ${capturable}.`,
    );
  }
}

export function checkRefund(payment: Payment, amount: Amount): void {
  checkModificationAmount(payment, amount);
  if (payment.state !== 'AUTHORIZED') {
    throw ProblemError.coded(
      400,
      '6020',
      `The payment is ${payment.state} and was never reserved, so nothing can be refunded.`,
    );
  }
  const refundable = refundableValue(payment);
  if (amount.value > refundable) {
    throw ProblemError.coded(
      400,
      '6150',
      `Refund amount ${amount.value} is higher than the refundable amount ${refundable}.`,
    );
  }
}

export type CancelOutcome = 'terminate' | 'cancel-remainder' | 'already-cancelled';

export function checkCancel(payment: Payment, nowMs: number, cancelTransactionOnly: boolean): CancelOutcome {
  if (isProcessing(payment, nowMs)) {
    // BRIEF §5/§9: test amount 201 keeps the payment "processing"; 423 Locked tells the client to retry later.
    throw ProblemError.coded(423, '6250', 'The payment is being processed and cannot be cancelled now. Retry later.');
  }
  switch (payment.state) {
    case 'CREATED':
      return 'terminate';
    case 'ABORTED':
    case 'EXPIRED':
    case 'TERMINATED':
      throw ProblemError.coded(400, '6050', `The payment is ${payment.state} and has no reservation to cancel.`);
    case 'AUTHORIZED':
      if (cancelTransactionOnly) {
        throw ProblemError.coded(400, '6060', 'cancelTransactionOnly was set, but the payment is already authorized.');
      }
      if (capturableValue(payment) > 0) return 'cancel-remainder';
      // Cancelling twice is harmless: the remainder is already released (README: "cancel is idempotent").
      if (payment.cancelledValue > 0) return 'already-cancelled';
      throw ProblemError.coded(400, '6040', 'The payment is fully captured and cannot be cancelled. Use refund.');
  }
}
