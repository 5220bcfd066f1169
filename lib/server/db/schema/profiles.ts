import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { payments } from './orders';

/** The claims we keep of a shared profile, in our own names (lib/server/orders/profile-claims.ts maps them). */
export interface StoredClaims {
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  emailVerified: boolean | null;
  phoneNumber: string | null;
  address: StoredAddress | null;
  otherAddresses: StoredAddress[];
  birthDate: string | null;
}

export interface StoredAddress {
  streetAddress: string;
  postalCode: string;
  region: string;
  country: string;
  formatted: string | null;
}

/**
 * The profile a shopper agreed to share for one payment attempt (profile sharing, ADR 0026). One row per payment
 * that asked for a profile, written with the payment; the userinfo call is made at most once at a time, decided by
 * a conditional update of `status`/`claimedUntil` (lib/server/orders/profile-fetch.ts).
 */
export const paymentProfiles = pgTable(
  'payment_profiles',
  {
    /** The attempt whose create body carried `profile.scope`; the ePayment `profile.sub` belongs to it. */
    reference: text('reference')
      .primaryKey()
      .references(() => payments.reference),
    /** The `profile.scope` sent, so staff see what was asked and a retry of the attempt asks the same. */
    scope: text('scope').notNull(),
    /** Vipps' pseudonymous id of the shopper (GET payment, once AUTHORIZED): the userinfo call's key. Erased too. */
    sub: text('sub'),
    /** waiting | claimed | fetched | retrying | failed | erased (lib/server/orders/profile-store.ts). */
    status: text('status').notNull().default('waiting'),
    /** While in the future, one request is calling Vipps for this profile; after it, a crashed claimer's turn lapses. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Userinfo calls (and, before the `sub` is known, payment reads) made for it: bounds the retries. */
    attempts: integer('attempts').notNull().default(0),
    /** When the reconciler may try again (backoff); null when nothing is due. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Why the last try failed, in our words (never a response body or a claim): shown to staff. */
    lastError: text('last_error'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    /** What the shopper consented to share, as we keep it; null before the fetch and after erasure. */
    claims: jsonb('claims').$type<StoredClaims>(),
    /** The shared e-mail lowercased, so staff search finds it through an index (exact, case-insensitive). */
    emailSearch: text('email_search'),
    /** When retention erased the claims and the sub (PROFILE_RETENTION_DAYS after the order settled). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_profiles_email')
      .on(t.emailSearch)
      .where(sql`email_search is not null`),
    // The reconciler's "due" scan: few rows are ever in these states.
    index('payment_profiles_due')
      .on(t.nextAttemptAt)
      .where(sql`status in ('waiting', 'claimed', 'retrying')`),
  ],
);

export type PaymentProfileRow = typeof paymentProfiles.$inferSelect;
