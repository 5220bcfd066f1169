/**
 * zod versions of the request bodies in `epayment.v1.yml` (and the Order Management `Receipt` it references).
 * They check shape and the spec's own limits; `validation.ts` maps failures to Vipps error codes and adds the
 * cross-field rules the schema cannot express.
 */
import { z } from 'zod';
import { CURRENCIES, QR_FORMATS, USER_FLOWS } from './payment';

export const REFERENCE_PATTERN = /^[a-zA-Z0-9-]{8,50}$/;
/** The spec's RFC 3339 pattern for `expiresAt`. */
const RFC3339_PATTERN =
  /^((?:(\d{4}-\d{2}-\d{2})(T|t)(\d{2}:\d{2}:\d{2}(?:\.\d+)?))(Z|z|([+-](?:2[0-3]|[01][0-9]):[0-5][0-9])))$/;

export const amountSchema = z.object({
  currency: z.enum(CURRENCIES),
  value: z.number().int('must be an integer number of minor units').min(0).max(65_000_000),
});

/** `Customer` is a oneOf of three single-field objects; `validation.ts` enforces "exactly one". */
const customerSchema = z.strictObject({
  phoneNumber: z
    .string()
    .regex(/^\d{10,15}$/, 'must be an MSISDN: 10-15 digits, e.g. 4791234567')
    .optional(),
  personalQr: z.string().min(5).max(255).optional(),
  customerToken: z.string().min(1).optional(),
});

const nullableInt = z.number().int().min(0).nullable().optional();

/** Order Management 2.3.24 `Receipt` (BRIEF §4.1): orderLines (min 1) and bottomLine are required. */
const receiptSchema = z.object({
  orderLines: z
    .array(
      z.object({
        name: z.string(),
        id: z.string(),
        totalAmount: z.number().int(),
        totalAmountExcludingTax: z.number().int(),
        totalTaxAmount: z.number().int(),
        taxPercentage: z.number().int().min(0).max(100),
        unitInfo: z
          .object({
            unitPrice: nullableInt,
            quantity: z
              .string()
              .max(10)
              .regex(/^\d+([.]\d{1,8})?$/),
            quantityUnit: z.enum(['PCS', 'KG', 'KM', 'MINUTE', 'LITRE', 'KWH']).nullable().optional(),
          })
          .optional(),
        discount: nullableInt,
        productUrl: z.string().nullable().optional(),
        isReturn: z.boolean().nullable().optional(),
        isShipping: z.boolean().nullable().optional(),
      }),
    )
    .min(1),
  bottomLine: z.looseObject({
    currency: z.enum(CURRENCIES),
    tipAmount: nullableInt,
    posId: z.string().nullable().optional(),
    receiptNumber: z.string().nullable().optional(),
    barcode: z
      .object({ format: z.enum(['EAN-13', 'CODE 39', 'CODE 128']).nullable(), data: z.string().nullable() })
      .optional(),
  }),
});

const airlineDataSchema = z.object({
  agencyInvoiceNumber: z.string().min(1).max(6),
  airlineCode: z.string().length(3),
  airlineDesignatorCode: z.string().length(2),
  passengerName: z.string().min(1).max(49),
  ticketNumber: z.string().min(1).max(150).optional(),
});

/** Top level is strict: newer docs say "The API rejects unknown fields" (BRIEF §4.1). */
export const createPaymentSchema = z.strictObject({
  amount: amountSchema,
  customer: customerSchema.optional(),
  customerInteraction: z.enum(['CUSTOMER_PRESENT', 'CUSTOMER_NOT_PRESENT']).optional(),
  industryData: z.object({ airlineData: airlineDataSchema.optional() }).optional(),
  paymentMethod: z.object({ type: z.enum(['WALLET', 'CARD']) }),
  profile: z.object({ scope: z.string().optional() }).optional(),
  reference: z.string().regex(REFERENCE_PATTERN, `must match ${REFERENCE_PATTERN.source}`),
  returnUrl: z.string().optional(),
  userFlow: z.enum(USER_FLOWS),
  expiresAt: z.string().regex(RFC3339_PATTERN, 'must be an RFC 3339 date-time').nullable().optional(),
  // `format` is `required` in the spec; its `default` only describes leaving out the whole qrFormat (SVG).
  qrFormat: z
    .object({
      format: z.enum(QR_FORMATS),
      size: z.number().int().min(100).max(2000).nullable().optional(),
    })
    .nullable()
    .optional(),
  paymentDescription: z.string().min(3).max(100).optional(),
  receipt: receiptSchema.optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  receiptUrl: z.string().nullable().optional(),
});
export type CreatePaymentInput = z.infer<typeof createPaymentSchema>;

export const modificationSchema = z.object({ modificationAmount: amountSchema });

/** Newer docs' optional cancel body (BRIEF §4); an empty body is the v1.4.1 form. */
export const cancelSchema = z.object({ cancelTransactionOnly: z.boolean().optional() });

export const forceApproveSchema = z.object({ customer: customerSchema.optional(), token: z.string().optional() });
