// Run-time validation of every Vipps response body the app relies on. Each schema is tied to the
// generated OpenAPI types at compile time (`satisfies z.ZodType<…>` or `AssertAssignable`), so a
// regenerated spec that drifts from these schemas fails `tsc`. Schemas are lenient where Vipps is:
// unknown fields pass through (`looseObject`), because Vipps adds fields without a version bump (BRIEF §12).
import { z } from 'zod';
import type {
  Aggregate,
  Amount,
  AuthorizationTokenResponse,
  CreatePaymentResponse,
  GetPaymentResponse,
  ModificationResponse,
  PaymentEvent,
  PaymentEventName,
  PaymentState,
  RegisterWebhookResponse,
  WebhookQueryResponse,
} from './types';

/** Compile-time proof that `From` is assignable to `To` (fails `tsc` otherwise). */
export type AssertAssignable<From extends To, To> = From;

export const amountSchema = z.looseObject({
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  // Integer øre (minor units); BRIEF §4.1.
  value: z.number().int().min(0),
}) satisfies z.ZodType<Amount>;

export const aggregateSchema = z.looseObject({
  authorizedAmount: amountSchema,
  cancelledAmount: amountSchema,
  capturedAmount: amountSchema,
  refundedAmount: amountSchema,
}) satisfies z.ZodType<Aggregate>;

export const paymentStateSchema = z.enum([
  'CREATED',
  'ABORTED',
  'EXPIRED',
  'AUTHORIZED',
  'TERMINATED',
]) satisfies z.ZodType<PaymentState>;

export const paymentEventNameSchema = z.enum([
  'CREATED',
  'ABORTED',
  'EXPIRED',
  'CANCELLED',
  'CAPTURED',
  'REFUNDED',
  'AUTHORIZED',
  'TERMINATED',
]) satisfies z.ZodType<PaymentEventName>;

export const createPaymentResponseSchema = z.looseObject({
  // Not `.url()`: NATIVE_REDIRECT returns `vipps://token=…`, which is not a WHATWG URL (BRIEF §4.2).
  redirectUrl: z.string().min(1).optional(),
  reference: z.string().min(1),
}) satisfies z.ZodType<CreatePaymentResponse>;

export const getPaymentResponseSchema = z.looseObject({
  aggregate: aggregateSchema,
  amount: amountSchema,
  state: paymentStateSchema,
  paymentMethod: z.looseObject({
    type: z.enum(['WALLET', 'CARD']),
    cardBin: z.string().optional(),
  }),
  profile: z.looseObject({ sub: z.string().optional() }),
  pspReference: z.string().min(1),
  redirectUrl: z.string().optional(),
  reference: z.string().min(1),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
}) satisfies z.ZodType<GetPaymentResponse>;

/** Cancel, capture and refund all answer with this, whatever the declared content type (BRIEF §4 quirk). */
export const modificationResponseSchema = z.looseObject({
  amount: amountSchema,
  state: paymentStateSchema,
  aggregate: aggregateSchema,
  pspReference: z.string().min(1),
  reference: z.string().min(1),
}) satisfies z.ZodType<ModificationResponse>;

export const paymentEventSchema = z.looseObject({
  reference: z.string().min(1),
  pspReference: z.string(),
  // Optional: the spec's `required` omits `name` and lists a removed `paymentAction` (BRIEF §4 quirk).
  name: paymentEventNameSchema.optional(),
  amount: amountSchema,
  timestamp: z.string(),
  idempotencyKey: z.string().nullable().optional(),
  success: z.boolean(),
}) satisfies z.ZodType<PaymentEvent>;

export const paymentEventsSchema = z.array(paymentEventSchema) satisfies z.ZodType<PaymentEvent[]>;

/** The spec says every token field is a string (BRIEF §2); accept numbers too, and normalise to strings. */
const numericString = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative().transform(String)]);

/**
 * Only `access_token` is needed, plus `expires_in` or `expires_on` to know when to refresh; the other
 * fields (`resource`, `not_before`, …) are ignored, so their absence must not break payments.
 */
export const tokenResponseSchema = z
  .looseObject({
    token_type: z.string().optional(),
    // A JWT (BRIEF §2) is visible ASCII. Anything else would make the Authorization header throw a TypeError
    // quoting the token; rejecting it here yields a VippsResponseError that names only the field.
    access_token: z.string().regex(/^[\x21-\x7e]+$/),
    expires_in: numericString.optional(),
    expires_on: numericString.optional(),
  })
  .refine((t) => t.expires_in !== undefined || t.expires_on !== undefined, {
    message: 'neither expires_in nor expires_on is present',
  });
// Every spec-valid token response parses, and what we read has the spec's types.
type _TokenSchemaAcceptsSpec = AssertAssignable<AuthorizationTokenResponse, z.input<typeof tokenResponseSchema>>;
type _TokenSchemaMatchesSpec = AssertAssignable<
  z.output<typeof tokenResponseSchema>,
  Pick<AuthorizationTokenResponse, 'access_token'> & Partial<AuthorizationTokenResponse>
>;

export const registerWebhookResponseSchema = z.looseObject({
  id: z.string().min(1),
  secret: z.string().min(1),
}) satisfies z.ZodType<RegisterWebhookResponse>;

export const webhookQueryResponseSchema = z.looseObject({
  webhooks: z.array(
    z.looseObject({
      id: z.string().min(1),
      url: z.string(),
      events: z.array(z.string()),
    }),
  ),
}) satisfies z.ZodType<WebhookQueryResponse>;

export type TokenResponse = z.output<typeof tokenResponseSchema>;

/**
 * Userinfo `address` (the spec's UserinfoAddress). Every field is optional in the spec; the shop needs at least the
 * street or the postal code to ship anything, which the mapping (orders/profile-claims.ts) decides, not this schema.
 */
const userinfoAddressSchema = z.object({
  street_address: z.string().optional(),
  postal_code: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  formatted: z.string().optional(),
  address_type: z.string().optional(),
  default: z.boolean().optional(),
});

/**
 * `other_addresses[]`: the spec types its items as `Address` (addressLine1, city, postCode, country "Norway") while
 * the preferred `address` is a UserinfoAddress; both shapes are accepted, so whichever Vipps sends is read.
 */
const userinfoOtherAddressSchema = userinfoAddressSchema.extend({
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  city: z.string().optional(),
  postCode: z.string().optional(),
});

/**
 * `GET /vipps-userinfo-api/userinfo/{sub}` (userinfo-api.swagger.yaml 2.0.2). Only `sub` is always there (`openid`
 * is implied); every other claim appears only if the shopper consented to it. `z.object` strips what we do not read
 * (unknown claims, `nin`, the deprecated `accounts`): we keep no claim we did not ask for. Spec quirks (SOURCES.md):
 * `address` is declared with `items` but no `type: array` and is one object (an array is read as its default item);
 * `phone_number`'s pattern says exactly 15 digits where its text says "up to 15", so up to 15 is accepted.
 */
export const userinfoResponseSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  phone_number: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  address: z
    .union([
      userinfoAddressSchema,
      z.array(userinfoAddressSchema).transform((list) => list.find((a) => a.default === true) ?? list[0]),
    ])
    .nullable()
    .optional(),
  other_addresses: z.array(userinfoOtherAddressSchema).nullable().optional(),
  birthdate: z.string().optional(),
});

export type Userinfo = z.output<typeof userinfoResponseSchema>;
export type UserinfoAddress = z.output<typeof userinfoOtherAddressSchema>;
