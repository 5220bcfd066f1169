import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

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
 * The webhook inbox: every delivery that reached us, verified or not, with the reason it was refused and what
 * processing did with it. Accepted events are also stored once in `webhook_events` (dedupe by event key);
 * this table keeps each delivery, duplicates and forgeries included, so staff can see what arrived.
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
    duplicate: boolean('duplicate').notNull().default(false),
    reference: text('reference'),
    name: text('name'),
    /** The raw body as received, cut to a bound (a forgery can be big). */
    body: text('body').notNull(),
    result: text('result'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('webhook_deliveries_received').on(t.receivedAt), index('webhook_deliveries_reference').on(t.reference)],
);
