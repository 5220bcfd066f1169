// What the shopper and staff see of a shared profile (ADR 0026). Pure mappings from the stored row.
import type { SharedProfileView } from '@/lib/admin-api';
import type { ShopperGreeting } from '@/lib/shop-api';
import type { PaymentProfileRow, PaymentRow, StoredClaims } from '../db/schema';
import { outcomeFor } from './state-machine';
import { ledgerOf } from './sync';

/** The part of a profile row the return page needs (read in the status route's one statement). */
export interface ProfileSnapshot {
  status: string;
  claims: StoredClaims | null;
  /** Whether a fetch may be claimed now (profile-store.ts `claimableProfile`). */
  claimable: boolean;
}

/**
 * How long after the approval /return still shows the shared name and address. The payment reference in the return
 * URL is the only key to it, and that URL outlives the visit (browser history, a forwarded link): after the
 * confirmation's moment has passed, the page shows the order without the person.
 */
export const GREETING_HOURS = 24;

/**
 * The greeting on /return: only for an attempt that asked for a profile and is authorized (paid, or paid but
 * needing staff attention), and only for GREETING_HOURS after the approval; a cancelled or pending payment greets
 * nobody.
 */
export function greetingFor(
  payment: PaymentRow,
  profile: ProfileSnapshot | null,
  now: Date = new Date(),
): ShopperGreeting | null {
  if (!profile || payment.vippsState !== 'AUTHORIZED') return null;
  if (payment.authorizedAt && now.getTime() - payment.authorizedAt.getTime() > GREETING_HOURS * 3_600_000) return null;
  const outcome = outcomeFor(ledgerOf(payment));
  if (outcome !== 'paid' && outcome !== 'needs_attention') return null;
  if (profile.status === 'fetched' && profile.claims) {
    return {
      status: 'ready',
      givenName: profile.claims.givenName,
      name: profile.claims.name,
      deliveryAddress: profile.claims.address,
    };
  }
  const pending = profile.status === 'waiting' || profile.status === 'claimed';
  return { status: pending ? 'pending' : 'unavailable', givenName: null, name: null, deliveryAddress: null };
}

/** Staff's statuses: a fetch in flight is still `waiting`, or `retrying` if an earlier try failed. */
function staffStatus(row: PaymentProfileRow): SharedProfileView['status'] {
  switch (row.status) {
    case 'fetched':
    case 'retrying':
    case 'failed':
    case 'erased':
      return row.status;
    case 'claimed':
      return row.lastError ? 'retrying' : 'waiting';
    default:
      return 'waiting';
  }
}

export function sharedProfileView(row: PaymentProfileRow, eraseAfter: Date | null): SharedProfileView {
  const claims = row.claims;
  return {
    status: staffStatus(row),
    scope: row.scope,
    name: claims?.name ?? null,
    givenName: claims?.givenName ?? null,
    familyName: claims?.familyName ?? null,
    email: claims?.email ?? null,
    emailVerified: claims?.emailVerified ?? null,
    phoneNumber: claims?.phoneNumber ?? null,
    address: claims?.address ?? null,
    otherAddresses: claims?.otherAddresses ?? [],
    birthDate: claims?.birthDate ?? null,
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    eraseAfter: row.status === 'erased' ? null : (eraseAfter?.toISOString() ?? null),
  };
}
