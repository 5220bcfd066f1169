/**
 * A test user of the simulated Vipps app: what a shopper could share with a merchant. Field names and shapes are
 * the Userinfo API's claims (`userinfo-api.swagger.yaml`, `Userinfo` and `UserinfoAddress`), so a grant can hand
 * them out as they are. Input (users file, `PUT /_sim/users/{phone}`) may leave fields out: they come from the
 * generated user for that number (./generated.ts), so a test sets only what it cares about.
 */
import { z } from 'zod';

/** The preferred (or another) address: `UserinfoAddress`. This API version knows Norwegian addresses only. */
export interface UserAddress {
  street_address: string;
  postal_code: string;
  region: string;
  country: string;
  formatted: string;
  address_type: 'home' | 'work' | 'other';
}

export interface TestUser {
  /** MSISDN, digits only (the spec: "Includes country code, but does not start with `+`"). */
  phone_number: string;
  name: string;
  given_name: string;
  family_name: string;
  email: string;
  email_verified: boolean;
  address: UserAddress;
  other_addresses: UserAddress[];
  /** YYYY-MM-DD */
  birthdate: string;
  /** 11 digits (Norwegian fødselsnummer). */
  nin: string;
}

/** Same rule as ePayment's `customer.phoneNumber` (BRIEF §4.1). */
export const MSISDN = /^\d{10,15}$/;

const text = z.string().trim().min(1).max(200);

const addressInput = z.strictObject({
  street_address: text,
  postal_code: z.string().regex(/^\d{4}$/, 'must be a 4-digit Norwegian postal code'),
  region: text,
  country: z.literal('NO', { message: 'must be "NO": the Userinfo API supports Norwegian addresses only' }).optional(),
  formatted: text.optional(),
  address_type: z.enum(['home', 'work', 'other']).optional(),
});
export type UserAddressInput = z.infer<typeof addressInput>;

/** A user as configured: every field optional except that a given phone number must be an MSISDN. */
export const testUserInputSchema = z.strictObject({
  phone_number: z.string().regex(MSISDN, 'must be 10-15 digits with country code, e.g. 4791234567').optional(),
  name: text.optional(),
  given_name: text.optional(),
  family_name: text.optional(),
  email: z.email({ message: 'must be an e-mail address' }).optional(),
  email_verified: z.boolean().optional(),
  address: addressInput.optional(),
  other_addresses: z.array(addressInput).max(10).optional(),
  birthdate: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).optional(),
  nin: z
    .string()
    .regex(/^\d{11}$/, 'must be 11 digits')
    .optional(),
});
export type TestUserInput = z.infer<typeof testUserInputSchema>;

/** `SIM_USERS_FILE`: a JSON array of users, each naming its `phone_number`. */
export const usersFileSchema = z
  .array(testUserInputSchema.required({ phone_number: true }))
  .max(10_000)
  .refine((users) => new Set(users.map((u) => u.phone_number)).size === users.length, {
    message: 'lists a phone_number twice',
  });

function completeAddress(input: UserAddressInput, type: UserAddress['address_type']): UserAddress {
  return {
    street_address: input.street_address,
    postal_code: input.postal_code,
    region: input.region,
    country: 'NO',
    // The spec's example: "Robert Levins gate 5\n0154 Oslo".
    formatted: input.formatted ?? `${input.street_address}\n${input.postal_code} ${input.region}`,
    address_type: input.address_type ?? type,
  };
}

/** Lays `input` over `base`: a new given or family name renames the user unless `name` is given too. */
export function mergeUser(base: TestUser, input: TestUserInput): TestUser {
  const given = input.given_name ?? base.given_name;
  const family = input.family_name ?? base.family_name;
  const renamed = input.given_name !== undefined || input.family_name !== undefined;
  return {
    phone_number: base.phone_number,
    name: input.name ?? (renamed ? `${given} ${family}` : base.name),
    given_name: given,
    family_name: family,
    email: input.email ?? base.email,
    email_verified: input.email_verified ?? base.email_verified,
    address: input.address ? completeAddress(input.address, 'home') : base.address,
    other_addresses: input.other_addresses?.map((a) => completeAddress(a, 'other')) ?? base.other_addresses,
    birthdate: input.birthdate ?? base.birthdate,
    nin: input.nin ?? base.nin,
  };
}
