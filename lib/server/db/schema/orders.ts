import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * An order: what the shopper bought, priced by the server at checkout. `checkoutKey` is the browser's
 * Idempotency-Key, so a double click or a retried request finds this order instead of making another.
 */
export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  orderNumber: text('order_number').notNull().unique(),
  checkoutKey: text('checkout_key').notNull().unique(),
  /** Hash of the priced request: the same key with another cart is a conflict, not a replay. */
  requestHash: text('request_hash').notNull(),
  currency: text('currency').notNull(),
  totalOre: integer('total_ore').notNull(),
  vatOre: integer('vat_ore').notNull(),
  /** The shopper's MSISDN when they gave one at checkout (it pre-fills the Vipps page); staff search by it. */
  phoneNumber: text('phone_number'),
  /** See lib/server/orders/state-machine.ts `OrderStatus`. */
  status: text('status').notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orderLines = pgTable(
  'order_lines',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceOre: integer('unit_price_ore').notNull(),
    totalOre: integer('total_ore').notNull(),
    vatPercent: integer('vat_percent').notNull(),
    vatOre: integer('vat_ore').notNull(),
  },
  (t) => [uniqueIndex('order_lines_order_position').on(t.orderId, t.position)],
);

/**
 * One Vipps payment attempt of an order (an order can have several: paying again after ABORTED or EXPIRED
 * makes a new one with a new reference). Amounts mirror Vipps' `aggregate` as last read from Vipps.
 */
export const payments = pgTable(
  'payments',
  {
    reference: text('reference').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    attempt: integer('attempt').notNull(),
    /** The failed attempt this one retries; unique, so two "try again" clicks make one new attempt. */
    retryOf: text('retry_of').unique(),
    currency: text('currency').notNull(),
    amountOre: integer('amount_ore').notNull(),
    /** Vipps `state`; null until create payment has succeeded. */
    vippsState: text('vipps_state'),
    redirectUrl: text('redirect_url'),
    pspReference: text('psp_reference'),
    authorizedOre: integer('authorized_ore').notNull().default(0),
    capturedOre: integer('captured_ore').notNull().default(0),
    refundedOre: integer('refunded_ore').notNull().default(0),
    cancelledOre: integer('cancelled_ore').notNull().default(0),
    /** When we first read it as AUTHORIZED: the reservation's age (Vipps lets it lapse, BRIEF §5). */
    authorizedAt: timestamp('authorized_at', { withTimezone: true }),
    /** Set when something does not add up (e.g. authorized ≠ order total); staff must look. */
    attentionReason: text('attention_reason'),
    /** Last time we read this payment from Vipps; also the claim that limits upstream GETs (status.ts). */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_order_attempt').on(t.orderId, t.attempt),
    index('payments_unsettled')
      .on(t.vippsState)
      .where(sql`vipps_state is null or vipps_state = 'CREATED'`),
  ],
);

/**
 * Every mutating Vipps call we make, written BEFORE the call with its Idempotency-Key (DESIGN money rules).
 * `requestBody` is the exact JSON sent, so a retry after an unknown outcome sends the same bytes.
 */
export const paymentOperations = pgTable(
  'payment_operations',
  {
    id: serial('id').primaryKey(),
    reference: text('reference')
      .notNull()
      .references(() => payments.reference),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    amountOre: integer('amount_ore').notNull(),
    requestBody: text('request_body'),
    /** pending (written, not yet answered) | succeeded | rejected | unknown. */
    status: text('status').notNull(),
    errorCode: text('error_code'),
    errorTitle: text('error_title'),
    /** 'shopper', 'system', or the staff member's e-mail. */
    requestedBy: text('requested_by').notNull(),
    note: text('note'),
    attempts: integer('attempts').notNull().default(0),
    /** While set in the future, one request is calling Vipps for this operation; others wait for its answer. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('payment_operations_reference').on(t.reference)],
);

/** Every webhook delivery that passed signature checks, stored once per event (dedupe by `eventKey`). */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: serial('id').primaryKey(),
    eventKey: text('event_key').notNull().unique(),
    reference: text('reference').notNull(),
    name: text('name').notNull(),
    pspReference: text('psp_reference'),
    body: jsonb('body').notNull(),
    receivedAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** What processing did: 'synced', 'nothing_new' (a CREATED event we already knew), 'unknown_reference', or an error message. */
    result: text('result'),
  },
  (t) => [index('webhook_events_reference').on(t.reference)],
);

/** Our registration at the Vipps Webhooks API; the secret signs every delivery (shown once by Vipps). */
export const webhookRegistrations = pgTable('webhook_registrations', {
  url: text('url').primaryKey(),
  vippsId: text('vipps_id').notNull(),
  secret: text('secret').notNull(),
  events: jsonb('events').$type<string[]>().notNull(),
  createdAt: createdAt(),
});

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentOperationRow = typeof paymentOperations.$inferSelect;

/**
 * Leases for background work that only one app instance may do at a time (the reconciler's sweep). Taken and
 * renewed with one conditional upsert, so the database decides — the same on PGlite and PostgreSQL.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * What staff did, append-only: who, what, on which payment, how much, their note, and how it ended. Rows are
 * inserted once and never updated (a trigger refuses UPDATE and DELETE), so the log can be trusted.
 */
export const staffActions = pgTable(
  'staff_actions',
  {
    id: serial('id').primaryKey(),
    at: createdAt(),
    staffEmail: text('staff_email').notNull(),
    action: text('action').notNull(),
    reference: text('reference').notNull(),
    amountOre: integer('amount_ore'),
    note: text('note'),
    /** 'succeeded' | 'rejected' | 'unknown' | …, or 'refused' when our own checks said no before Vipps was asked. */
    result: text('result').notNull(),
    /** Why our checks refused it ("Capture 500,00 kr: only 100,00 kr is capturable"); null unless refused. */
    reason: text('reason'),
    operationId: integer('operation_id'),
  },
  (t) => [index('staff_actions_reference').on(t.reference)],
);
