import { ProblemError } from '../http/problem';
import { randomBytes } from 'node:crypto';

/** Human-friendly order numbers from the order's id: FB-100001, FB-100002, … */
export const orderNumberFor = (orderId: number) => `FB-${100_000 + orderId}`;

/**
 * A Vipps payment reference: unique, valid for Vipps (`^[a-zA-Z0-9-]{8,50}$`, BRIEF §4.1) and unguessable —
 * the reference in `/return?reference=…` is all a shopper holds to see the payment or try again, so it ends
 * in 16 random characters (80 bits).
 */
export function newPaymentReference(orderNumber: string, attempt: number): string {
  const random = randomBytes(10).toString('hex').slice(0, 16);
  return `${orderNumber.toLowerCase()}-${attempt}-${random}`;
}

export const REFERENCE_PATTERN = /^[a-zA-Z0-9-]{8,50}$/;

/** Operation keys say what they are for (BRIEF §3: derive the key from your own operation id). */
export const createKeyFor = (reference: string) => `create-${reference}`;

/** A reference from a URL: anything Vipps would not accept cannot be one of ours, so it is simply not found. */
export async function referenceParam(params: Promise<{ reference: string }>): Promise<string> {
  const { reference } = await params;
  if (!REFERENCE_PATTERN.test(reference)) {
    throw new ProblemError({ status: 404, code: 'not_found', title: 'We cannot find this payment' });
  }
  return reference;
}
