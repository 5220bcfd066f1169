/**
 * Vipps' official Postman collection sends `reference` and `customer.phoneNumber` as JSON numbers (its bodies put
 * `{{reference}}` unquoted), and the reference is MSN + `Date.now()`: 19 digits, above 2^53. The real API takes
 * them: a Vipps error-page example shows a payment created with exactly that reference pattern. So these
 * string fields also accept a JSON number written as plain digits, with every digit kept: the JSON reader hands
 * integers beyond 2^53 over as `LosslessNumber` (their source text), never as a rounded float.
 */
import { isLosslessNumber } from 'lossless-json';
import { z } from 'zod';

/** The digits of a JSON number written as a plain non-negative integer, else undefined. */
export function digitsOfNumber(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (isLosslessNumber(value)) return /^\d+$/.test(value.value) ? value.value : undefined;
  return undefined;
}

/** A string field that also takes a plain-digits JSON number (as its digits); `then` validates the text. */
export const stringOrDigits = (then: z.ZodString) =>
  z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value === 'string') return value;
      const digits = digitsOfNumber(value);
      if (digits !== undefined) return digits;
      ctx.addIssue({ code: 'custom', message: 'must be a string (or a JSON number of plain digits)' });
      return z.NEVER;
    })
    .pipe(then);

/** The reference of a create body for logs, fault matching and the idempotency scope (string or digits). */
export const referenceText = (body: unknown): string | undefined => {
  const reference = (body as { reference?: unknown } | null | undefined)?.reference;
  return typeof reference === 'string' ? reference : digitsOfNumber(reference);
};
