/**
 * The `receipt` of CreatePaymentRequest: a remote `$ref` to Order Management 2.3.24 `Receipt` (BRIEF §4.1;
 * docs/vipps-reference/order-management-api.2.3.24.swagger.yaml), checked field by field as that schema says.
 * A bad receipt is a schema-validation 400 naming the field, without an error code (BRIEF §7). None of these
 * objects declares `additionalProperties: false`, so unknown fields pass, as they would at Vipps.
 */
import { z } from 'zod';
import { CURRENCIES } from './enums';

/** `integer, format: int64` (amounts in minor units); `nonNegative` where the spec says `minimum: 0`. */
const int64 = () => z.number().int('must be an integer number of minor units');
const nullableNonNegative = () => int64().min(0).nullable().optional();

const unitInfoSchema = z.object({
  // Both required, `unitPrice` nullable: present, as a number or null.
  unitPrice: int64().min(0).nullable(),
  quantity: z
    .string()
    .max(10)
    .regex(/^\d+([.]\d{1,8})?$/, 'must be digits with at most 8 decimals, e.g. "2" or "0.822"'),
  quantityUnit: z.enum(['PCS', 'KG', 'KM', 'MINUTE', 'LITRE', 'KWH']).nullable().optional(),
});

export const orderLineSchema = z.object({
  name: z.string(),
  id: z.string(),
  totalAmount: int64(),
  totalAmountExcludingTax: int64(),
  totalTaxAmount: int64(),
  taxPercentage: z.number().int().min(0).max(100),
  unitInfo: unitInfoSchema.optional(),
  discount: nullableNonNegative(),
  productUrl: z.string().nullable().optional(),
  isReturn: z.boolean().nullable().optional(),
  isShipping: z.boolean().nullable().optional(),
});

const paymentSourcesSchema = z.object({
  giftCard: int64().nullable().optional(),
  card: int64().nullable().optional(),
  voucher: int64().nullable().optional(),
  cash: int64().nullable().optional(),
});

/** Deprecated in the spec, still part of it: typed, so a wrong type is refused rather than ignored. */
const shippingInfoSchema = z.object({
  amount: int64().min(0).nullable(),
  amountExcludingTax: int64().min(0).nullable(),
  taxAmount: int64().min(0).nullable(),
  taxPercentage: z.number().int().min(0).max(100).nullable(),
});

const bottomLineSchema = z.object({
  currency: z.enum(CURRENCIES).nullable(), // required, but the spec's CurrencyEnum is nullable
  tipAmount: nullableNonNegative(),
  giftCardAmount: nullableNonNegative(),
  posId: z.string().nullable().optional(),
  totalAmount: int64().nullable().optional(),
  totalTax: nullableNonNegative(),
  totalDiscount: nullableNonNegative(),
  shippingAmount: nullableNonNegative(),
  shippingInfo: shippingInfoSchema.nullable().optional(),
  paymentSources: paymentSourcesSchema.nullable().optional(),
  barcode: z
    .object({ format: z.enum(['EAN-13', 'CODE 39', 'CODE 128']).nullable(), data: z.string().nullable() })
    .nullable()
    .optional(),
  receiptNumber: z.string().nullable().optional(),
  terminalId: z.string().nullable().optional(),
});

export const receiptSchema = z.object({
  orderLines: z.array(orderLineSchema).min(1, 'needs at least one order line'),
  bottomLine: bottomLineSchema,
});
export type Receipt = z.infer<typeof receiptSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
