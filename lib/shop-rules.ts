// The shop's input rules as plain functions, for the browser: the cart badge (root layout) and the checkout form
// load this, and zod on those pages cost 17–25 kB gzip each (bench/RESULTS.md). The route handlers check the
// same rules with the zod schemas in lib/shop-api.ts, built on these functions; a property test keeps the
// cart line rule and its schema agreeing (tests/unit/shop-rules.test.ts).

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 30;
export const MAX_SKU_LENGTH = 64;
export const MAX_PHONE_INPUT_LENGTH = 30;

/**
 * A mobile number as a shopper types it ("912 34 567", "+47 912 34 567", "0047 91234567") turned into the
 * MSISDN Vipps wants: digits only with the country code, 10–15 digits (BRIEF §4.1, error 4070). Eight digits
 * alone are read as a Norwegian number.
 */
export const PHONE_HINT = 'Enter a mobile number such as 912 34 567 or +47 912 34 567.';

export function toMsisdn(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return undefined;
  const digits = compact.replace(/^(\+|00)/, '');
  const msisdn =
    /^\d{8}$/.test(digits) && !compact.startsWith('+') && !compact.startsWith('00') ? `47${digits}` : digits;
  if (!/^\d{10,15}$/.test(msisdn)) return undefined;
  if (msisdn.startsWith('47') && msisdn.length !== 10) return undefined;
  return msisdn;
}

/** The optional phone field: blank is "no number"; anything else must be a mobile number Vipps takes. */
export function checkPhoneInput(value: string): { ok: true; msisdn: string | undefined } | { ok: false } {
  if (value.length > MAX_PHONE_INPUT_LENGTH) return { ok: false };
  if (value.trim() === '') return { ok: true, msisdn: undefined };
  const msisdn = toMsisdn(value);
  return msisdn ? { ok: true, msisdn } : { ok: false };
}

export interface CartLineInput {
  sku: string;
  quantity: number;
}

/** One cart line as the browser may send or store it (the server's `cartLineSchema` says the same). */
export function isCartLine(value: unknown): value is CartLineInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { sku, quantity } = value as Record<string, unknown>;
  return (
    typeof sku === 'string' &&
    sku.length >= 1 &&
    sku.length <= MAX_SKU_LENGTH &&
    Number.isSafeInteger(quantity) &&
    (quantity as number) >= 1 &&
    (quantity as number) <= MAX_LINE_QUANTITY
  );
}
