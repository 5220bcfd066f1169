// The contract between the shop's pages and its route handlers: one zod schema per request, shared by the
// form that builds it and the handler that checks it, plus the response shapes the pages read.
// `zod/mini` rather than `zod`: this file and lib/cart reach every shop page's bundle (the cart badge is in the
// root layout), and classic zod added ~25 kB gzip to each of them (bench/RESULTS.md, first-load JS). The two
// share one core, so the route handlers validate these schemas like any other.
import * as z from 'zod/mini';

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 30;

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

export const phoneInputSchema = z.pipe(
  z.string().check(z.maxLength(30, PHONE_HINT)),
  z.transform((value: string, ctx) => {
    if (value.trim() === '') return undefined;
    const msisdn = toMsisdn(value);
    if (!msisdn) {
      ctx.issues.push({ code: 'custom', message: PHONE_HINT, input: value });
      return z.NEVER;
    }
    return msisdn;
  }),
);

export const cartLineSchema = z.object({
  sku: z.string().check(z.minLength(1), z.maxLength(64)),
  quantity: z.int().check(z.minimum(1), z.maximum(MAX_LINE_QUANTITY)),
});

/**
 * `POST /api/checkout`, with an `Idempotency-Key` header (a UUID the browser makes once per checkout and
 * resends on a retry or double click). Only SKUs and quantities: prices, totals and VAT come from the
 * server's catalogue, and any other field the browser sends is ignored.
 */
export const checkoutRequestSchema = z.object({
  items: z.array(cartLineSchema).check(
    z.minLength(1, 'The cart is empty.'),
    z.maxLength(MAX_CART_LINES),
    z.refine((items) => new Set(items.map((i) => i.sku)).size === items.length, 'Each product may appear once.'),
  ),
  phoneNumber: z.optional(phoneInputSchema),
});
export type CheckoutRequest = z.input<typeof checkoutRequestSchema>;

/** 201 from `POST /api/checkout` and from `POST /api/payments/{reference}/retry`: go to `redirectUrl`. */
export interface PaymentStartedResponse {
  orderNumber: string;
  reference: string;
  redirectUrl: string;
}

/**
 * What the shopper is told about one payment attempt:
 * - `pending`: Vipps has not settled it yet (CREATED) — keep polling.
 * - `paid`: Vipps says AUTHORIZED and the amount matches the order.
 * - `cancelled`: the shopper aborted in Vipps (ABORTED). `expired`: nobody acted in time (EXPIRED).
 * - `terminated`: the shop cancelled it before approval (TERMINATED).
 * - `needs_attention`: authorized, but something does not add up (e.g. the amount); staff will check.
 */
export const PAYMENT_OUTCOMES = ['pending', 'paid', 'cancelled', 'expired', 'terminated', 'needs_attention'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

export interface OrderLineView {
  sku: string;
  name: string;
  quantity: number;
  unitPriceOre: number;
  totalOre: number;
  vatPercent: number;
  vatOre: number;
}

/** `GET /api/payments/{reference}` (404 problem for an unknown reference). No personal data. */
export interface PaymentStatusResponse {
  reference: string;
  orderNumber: string;
  outcome: PaymentOutcome;
  /** True when the outcome will not change any more: stop polling. */
  final: boolean;
  /** When the shop last heard from Vipps about this payment (ISO 8601), if ever. */
  checkedAt: string | null;
  /** True for `cancelled` / `expired` when this is the order's newest attempt: offer "try again". */
  canRetry: boolean;
  /** A newer attempt of the same order, when the shopper already tried again. */
  newerReference: string | null;
  order: {
    currency: string;
    lines: OrderLineView[];
    totalOre: number;
    vatOre: number;
  };
}
