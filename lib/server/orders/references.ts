import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Human-friendly order numbers from the order's id: FB-100001, FB-100002, … */
export const orderNumberFor = (orderId: number) => `FB-${100_000 + orderId}`;
export const ORDER_NUMBER_PATTERN = /^FB-[0-9]{6,15}$/;

/** Lower-case base32 (RFC 4648's letters and 2–7): 32 symbols, so each character carries exactly 5 bits. */
export const REFERENCE_RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const REFERENCE_RANDOM_LENGTH = 16;

/** 10 bytes from the CSPRNG are 80 bits, read 5 at a time: 16 base32 characters, none wasted or biased. */
function randomBase32(): string {
  const bytes = randomBytes((REFERENCE_RANDOM_LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += REFERENCE_RANDOM_ALPHABET[(value >> bits) & 31];
    }
  }
  return out;
}

/**
 * A Vipps payment reference: unique, valid for Vipps (`^[a-zA-Z0-9-]{8,50}$`, BRIEF §4.1) and unguessable —
 * the reference in `/return?reference=…` is all a shopper holds to see the payment or try again, so it ends
 * in 16 random base32 characters (16 × 5 = 80 bits). "fb-100001-1-" plus those is under 30 characters.
 */
export function newPaymentReference(orderNumber: string, attempt: number): string {
  return `${orderNumber.toLowerCase()}-${attempt}-${randomBase32()}`;
}

export const REFERENCE_PATTERN = /^[a-zA-Z0-9-]{8,50}$/;

/** Operation keys say what they are for (BRIEF §3: derive the key from your own operation id). */
export const createKeyFor = (reference: string) => `create-${reference}`;

/**
 * Path params naming a payment or an order (lib/server/http/route-input.ts reads them). Text Vipps would not
 * accept as a reference, or that is not one of our order numbers, cannot be ours, so it is simply not found.
 */
export const paymentReferenceParams = z.object({ reference: z.string().regex(REFERENCE_PATTERN) });
export const PAYMENT_NOT_FOUND = { title: 'We cannot find this payment' };
/** `/return?reference=…` (our returnUrl): without a reference that can be ours the page says it cannot find it. */
export const returnPageQuery = z.object({ reference: z.string().regex(REFERENCE_PATTERN).optional() });
export const orderNumberParams = z.object({ orderNumber: z.string().regex(ORDER_NUMBER_PATTERN) });
export const ORDER_NOT_FOUND = { title: 'Order not found' };
