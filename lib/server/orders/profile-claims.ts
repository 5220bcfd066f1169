// Pure rules of profile sharing (ADR 0026): what we keep of a userinfo answer, how a failed fetch is described to
// staff, and when the next try is due. No I/O, so every rule is unit-tested.
import type { StoredAddress, StoredClaims } from '../db/schema';
import { isVippsError } from '../vipps/errors';
import type { Userinfo, UserinfoAddress } from '../vipps/response-schemas';

/** Userinfo calls per profile before it is given up (`failed`); the payment is never affected. */
export const MAX_PROFILE_ATTEMPTS = 6;
/** First wait before the reconciler tries a failed fetch again; doubles per attempt. */
export const PROFILE_RETRY_BASE_SECONDS = 30;
const PROFILE_RETRY_MAX_SECONDS = 3_600;

/** Seconds to wait after the `attempts`-th failed try: 30 s, 60 s, 120 s … at most an hour. */
export function profileBackoffSeconds(attempts: number): number {
  return Math.min(PROFILE_RETRY_MAX_SECONDS, PROFILE_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** The spec's `Address` names its country ("Norway"); ours is the two-letter code, like UserinfoAddress. */
const COUNTRY_CODES: Record<string, string> = { norway: 'NO', norge: 'NO', denmark: 'DK', finland: 'FI' };

function toAddress(address: UserinfoAddress | null | undefined): StoredAddress | null {
  if (!address) return null;
  const street = address.street_address ?? [address.addressLine1, address.addressLine2].filter(Boolean).join(', ');
  const postalCode = address.postal_code ?? address.postCode ?? '';
  // Nothing to ship to: an empty object is not an address.
  if (!street && !postalCode) return null;
  const country = address.country ?? '';
  return {
    streetAddress: street,
    postalCode,
    region: address.region ?? address.city ?? '',
    country: COUNTRY_CODES[country.toLowerCase()] ?? country,
    formatted: address.formatted ?? null,
  };
}

/** What we keep: the claims PROFILE_SCOPE asks for (and a birth date if shared); never `sub` or `nin`. */
export function claimsFromUserinfo(info: Userinfo): StoredClaims {
  return {
    name: info.name ?? null,
    givenName: info.given_name ?? null,
    familyName: info.family_name ?? null,
    email: info.email ?? null,
    emailVerified: info.email_verified ?? null,
    phoneNumber: info.phone_number ?? null,
    address: toAddress(info.address),
    otherAddresses: (info.other_addresses ?? []).map(toAddress).filter((a): a is StoredAddress => a !== null),
    birthDate: info.birthdate ?? null,
  };
}

/** Vipps answered 404: the `sub` is unknown or its data is no longer served (the window after payment lapsed). */
export function isNoLongerServed(error: unknown): boolean {
  return isVippsError(error, 'rejected') && error.status === 404;
}

/**
 * Why a fetch failed, in words for staff. Built from the error's kind and HTTP status only: a Vipps error's
 * title or detail and a parse error's message could quote the body, which may hold the claims.
 */
export function describeProfileFailure(error: unknown): string {
  if (isNoLongerServed(error)) return 'Vipps no longer serves this profile (404)';
  if (!isVippsError(error)) return 'The shop could not fetch or store the profile (internal error)';
  const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
  switch (error.kind) {
    case 'outcome-unknown':
      return `Vipps did not answer in time or failed${status}`;
    case 'not-performed':
      return `Vipps did not take the call (rate-limited or no token)${status}`;
    case 'malformed-response':
      return 'Vipps answered with a profile the shop could not read';
    case 'auth':
      return `Vipps refused the shop's credentials${status}`;
    case 'rejected':
      return `Vipps refused the userinfo call${status}`;
    case 'config':
      return 'The userinfo call could not be made (configuration)';
  }
}
