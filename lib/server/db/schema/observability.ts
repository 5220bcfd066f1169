import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every HTTP exchange the app has with Vipps (token calls included), one row per attempt, redacted before it
 * is written: no secrets or tokens, phone numbers masked. `reference` links it to a payment (and so to an
 * order). Retention is bounded (VIPPS_API_LOG_* settings), so this never grows without limit.
 */
export const vippsApiLog = pgTable(
  'vipps_api_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** Null when no answer came (network error, timeout). */
    status: integer('status'),
    durationMs: integer('duration_ms').notNull(),
    attempt: integer('attempt').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** Our payment reference, when the call is about one. */
    reference: text('reference'),
    /** Vipps' traceId from a Problem body, or its request id header. */
    traceId: text('trace_id'),
    pspReference: text('psp_reference'),
    requestBody: text('request_body'),
    responseBody: text('response_body'),
    /** Why no answer came, in our words (never a stack trace). */
    error: text('error'),
  },
  (t) => [index('vipps_api_log_reference').on(t.reference, t.id), index('vipps_api_log_at').on(t.at)],
);

/**
 * The webhook inbox: what reached us, verified or not, with the reason it was refused and what processing did
 * with it. An accepted event has one row (a unique index on `event_id`): a redelivery or a replay of it inside the
 * signature's date window only counts on that row (`duplicate_count`, `last_received_at`), so a thousand replays
 * store one row. Refused deliveries are one row each, bounded by a per-minute budget and a row cap.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial('id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    verified: boolean('verified').notNull(),
    /** Why it was refused (bad signature, stale date, no registration, bad body…); null when accepted. */
    refusalReason: text('refusal_reason'),
    /** The `webhook_events` row it was stored as (or found as, for a duplicate). */
    eventId: integer('event_id'),
    /** The row was made by a repeat of an event whose first row is gone (pruned, or its write failed). */
    duplicate: boolean('duplicate').notNull().default(false),
    /** How many more times the same event arrived after this row was written; not processed again. */
    duplicateCount: integer('duplicate_count').notNull().default(0),
    /** When the newest of those repeats arrived; null while there has been none. */
    lastReceivedAt: timestamp('last_received_at', { withTimezone: true }),
    reference: text('reference'),
    name: text('name'),
    /** The raw body as received, cut to a bound (a forgery can be big). */
    body: text('body').notNull(),
    result: text('result'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_received').on(t.receivedAt),
    index('webhook_deliveries_reference').on(t.reference),
    uniqueIndex('webhook_deliveries_one_per_event')
      .on(t.eventId)
      .where(sql`refusal_reason is null`),
  ],
);
