/**
 * zod versions of the request bodies in `epayment.v1.yml` (and the Order Management `Receipt` it references).
 * They check shape and the spec's own limits; `validation.ts` maps failures to Vipps error codes and adds the
 * cross-field rules the schema cannot express.
 */
import { z } from 'zod';
import { stringOrDigits } from './numeric-text';
import { receiptSchema } from './receipt-schema';
import { CURRENCIES, QR_FORMATS, USER_FLOWS } from './payment';

/**
 * `reference`: `^[a-zA-Z0-9-]{8,50}$` in the saved spec; newer docs allow 64 characters (BRIEF §4.1 [newer]).
 * The upper bound is the `maxReferenceLength` setting (SIM_MAX_REFERENCE_LENGTH, 50 or up to 64).
 */
export const referencePattern = (maxLength: number): RegExp => new RegExp(`^[a-zA-Z0-9-]{8,${maxLength}}$`);
/** The spec's RFC 3339 pattern for `expiresAt`. */
const RFC3339_PATTERN =
  /^((?:(\d{4}-\d{2}-\d{2})(T|t)(\d{2}:\d{2}:\d{2}(?:\.\d+)?))(Z|z|([+-](?:2[0-3]|[01][0-9]):[0-5][0-9])))$/;

export const amountSchema = z.object({
  currency: z.enum(CURRENCIES),
  value: z.number().int('must be an integer number of minor units').min(0).max(65_000_000),
});

/** `Customer` is a oneOf of three single-field objects; `validation.ts` enforces "exactly one". */
const customerSchema = z.strictObject({
  phoneNumber: stringOrDigits(
    z.string().regex(/^\d{10,15}$/, 'must be an MSISDN: 10-15 digits, e.g. 4791234567'),
  ).optional(),
  personalQr: z.string().min(5).max(255).optional(),
  customerToken: z.string().min(1).optional(),
});

const airlineDataSchema = z.object({
  agencyInvoiceNumber: z.string().min(1).max(6),
  airlineCode: z.string().length(3),
  airlineDesignatorCode: z.string().length(2),
  passengerName: z.string().min(1).max(49),
  ticketNumber: z.string().min(1).max(150).optional(),
});

/** Top level is strict: newer docs say "The API rejects unknown fields" (BRIEF §4.1). */
function buildCreatePaymentSchema(referenceRule: RegExp) {
  return z.strictObject({
    amount: amountSchema,
    customer: customerSchema.optional(),
    customerInteraction: z.enum(['CUSTOMER_PRESENT', 'CUSTOMER_NOT_PRESENT']).optional(),
    industryData: z.object({ airlineData: airlineDataSchema.optional() }).optional(),
    paymentMethod: z.object({ type: z.enum(['WALLET', 'CARD']) }),
    profile: z.object({ scope: z.string().optional() }).optional(),
    reference: stringOrDigits(z.string().regex(referenceRule, `must match ${referenceRule.source}`)),
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
}
export type CreatePaymentInput = z.infer<ReturnType<typeof buildCreatePaymentSchema>>;

const schemasByReferenceLength = new Map<number, ReturnType<typeof buildCreatePaymentSchema>>();
export function createPaymentSchema(maxReferenceLength: number) {
  let schema = schemasByReferenceLength.get(maxReferenceLength);
  if (!schema) {
    schema = buildCreatePaymentSchema(referencePattern(maxReferenceLength));
    schemasByReferenceLength.set(maxReferenceLength, schema);
  }
  return schema;
}

export const modificationSchema = z.object({ modificationAmount: amountSchema });

/** Newer docs' optional cancel body (BRIEF §4); an empty body is the v1.4.1 form. */
export const cancelSchema = z.object({ cancelTransactionOnly: z.boolean().optional() });

export const forceApproveSchema = z.object({ customer: customerSchema.optional(), token: z.string().optional() });
