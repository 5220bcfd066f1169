// The contract between the shop's pages and its route handlers: one zod schema per request, checked by the
// handler, plus the response shapes the pages read. The rules themselves are in lib/shop-rules.ts, plain
// functions the browser uses too, so that zod stays out of the shop pages' bundles.
import { z } from 'zod';
import {
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  MAX_PHONE_INPUT_LENGTH,
  MAX_SKU_LENGTH,
  PHONE_HINT,
  checkPhoneInput,
} from './shop-rules';
import { storableText } from './storable-text';

export { MAX_CART_LINES, MAX_LINE_QUANTITY, PHONE_HINT, toMsisdn } from './shop-rules';

/** `/products/{sku}`: a SKU the database can hold (no NUL byte); one the catalogue lacks is not found either. */
export const productPageParams = z.object({ sku: storableText().min(1).max(MAX_SKU_LENGTH) });

export const phoneInputSchema = storableText()
  .max(MAX_PHONE_INPUT_LENGTH, PHONE_HINT)
  .transform((value, ctx) => {
    const checked = checkPhoneInput(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: PHONE_HINT });
      return z.NEVER;
    }
    return checked.msisdn;
  });

export const cartLineSchema = z.object({
  sku: storableText().min(1).max(MAX_SKU_LENGTH),
  quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
});

/**
 * The checkout's `Idempotency-Key` header: a UUID v4, as `crypto.randomUUID()` makes it in the browser (122
 * random bits). The key alone finds a checkout again, landing URL included (a retry must get the same payment),
 * so a short or patterned key would let someone else's guess land on it: only the random form is accepted.
 */
export const checkoutKeySchema = z.uuidv4('Send a UUID v4 in the Idempotency-Key header.');

/**
 * `POST /api/checkout`, with an `Idempotency-Key` header (a UUID the browser makes once per checkout and
 * resends on a retry or double click). Only SKUs and quantities: prices, totals and VAT come from the
 * server's catalogue, and any other field the browser sends is ignored.
 */
export const checkoutRequestSchema = z.object({
  items: z
    .array(cartLineSchema)
    .min(1, 'The cart is empty.')
    .max(MAX_CART_LINES)
    .refine((items) => new Set(items.map((i) => i.sku)).size === items.length, 'Each product may appear once.'),
  phoneNumber: phoneInputSchema.optional(),
  /** "Share name, e-mail, phone and address from Vipps": the create call then asks for `PROFILE_SCOPE`. */
  shareProfile: z.boolean().optional(),
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

/**
 * `GET /api/payments/{reference}` (404 problem for an unknown reference). Personal data only in `shopper`: the
 * name and delivery address the shopper shared, for a day after the approval (the unguessable reference is the key).
 */
/**
 * Vipps `profile.scope` the shop asks for when the shopper chose to share (userinfo claims: name, email,
 * phone_number, address). Space-separated words from BRIEF §4.1; `openid` is implied.
 */
export const PROFILE_SCOPE = 'name email phoneNumber address';

/** An address as the Userinfo API shares it (`address`, `other_addresses`), in our own names. */
export interface SharedAddress {
  streetAddress: string;
  postalCode: string;
  region: string;
  /** Two-letter country code, e.g. "NO". */
  country: string;
  /** Vipps' one-string form, when given. */
  formatted: string | null;
}

/**
 * What /return shows of the profile the shopper shared (only to the shopper's own return page):
 * - `pending`: the shop has not read it from Vipps yet (keep polling a little);
 * - `ready`: name and delivery address below;
 * - `unavailable`: the fetch failed for now (the shop retries in the background; staff see it).
 */
export interface ShopperGreeting {
  status: 'pending' | 'ready' | 'unavailable';
  givenName: string | null;
  name: string | null;
  deliveryAddress: SharedAddress | null;
}

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
  /** Null when the shopper did not choose to share a profile for this payment (or it is not paid). */
  shopper: ShopperGreeting | null;
  order: {
    currency: string;
    lines: OrderLineView[];
    totalOre: number;
    vatOre: number;
  };
}
