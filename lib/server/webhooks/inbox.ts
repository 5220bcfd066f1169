// The webhook inbox: a `webhook_deliveries` row for what reached the route handler, accepted or refused, with
// what processing did. An accepted event has one row however often it comes (Vipps redelivers; someone holding a
// signed delivery can replay it while its date is fresh): repeats are counted on it. Refused rows are bounded
// twice — a per-instance budget per minute and a row cap at retention time — so forgeries cannot fill the disk.
import { asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { WebhookDeliveryItem, WebhookInboxFilter } from '@/lib/admin-observability-api';
import { WEBHOOK_INBOX_PAGE_SIZE } from '@/lib/admin-observability-api';
import { toStorableText } from '@/lib/storable-text';
import { redactBodyText } from '../api-log/redact';
import type { Db } from '../db/core';
import { orders, payments, webhookDeliveries, webhookEvents } from '../db/schema';
import { countDeleted } from '../db/rows';
import type { WebhookVerificationFailure } from '../vipps/webhook-signature';

/** Our words for why a delivery was refused (the verifier's codes are for logs). */
export const REFUSAL = {
  noRegistration: 'no registration',
  badSignature: 'bad signature',
  alteredBody: 'body does not match its content hash',
  staleDate: 'stale or future date',
  badDate: 'date not valid',
  missingHeaders: 'signature headers missing',
  repeatedHeaders: 'signature headers repeated',
  notPost: 'not a POST',
  unverifiable: 'could not be verified',
  badBody: 'body not valid',
  tooLarge: 'too large',
} as const;

export function refusalReasonFor(failure: WebhookVerificationFailure): string {
  switch (failure) {
    case 'signature-mismatch':
      return REFUSAL.badSignature;
    case 'content-hash-mismatch':
      return REFUSAL.alteredBody;
    case 'stale-date':
      return REFUSAL.staleDate;
    case 'invalid-date':
      return REFUSAL.badDate;
    case 'missing-header':
      return REFUSAL.missingHeaders;
    case 'duplicate-header':
      return REFUSAL.repeatedHeaders;
    case 'method-not-post':
      return REFUSAL.notPost;
    default:
      return REFUSAL.unverifiable;
  }
}

/** An ePayment event is a few hundred bytes; a refused body is kept only as far as staff need to recognise it. */
const MAX_ACCEPTED_BODY_CHARS = 16 * 1024;
const MAX_REFUSED_BODY_CHARS = 2 * 1024;

/** At most `perMinute` refused rows per minute from this instance; the rest are only counted in the log. */
export function createRefusalBudget(perMinute: number) {
  let windowStart = 0;
  let used = 0;
  return (now: number): boolean => {
    if (now - windowStart >= 60_000) {
      windowStart = now;
      used = 0;
    }
    used++;
    return used <= perMinute;
  };
}
const refusalBudget = createRefusalBudget(60);

export interface DeliveryRecord {
  verified: boolean;
  refusalReason?: string;
  eventId?: number;
  duplicate?: boolean;
  reference?: string;
  name?: string;
  rawBody: string;
  /** Set at once for deliveries that will not be processed (duplicates). */
  result?: string;
}

/**
 * Stores one delivery, or for an accepted event that already has its row, counts the repeat on that row (one
 * upsert on the `event_id` unique index). Undefined when a refused one is over this minute's budget (not stored).
 */
export async function recordDelivery(
  db: Db,
  delivery: DeliveryRecord,
  budget: (now: number) => boolean = refusalBudget,
): Promise<number | undefined> {
  const refused = delivery.refusalReason !== undefined;
  if (refused && !budget(Date.now())) return undefined;
  const insert = db.insert(webhookDeliveries).values({
    verified: delivery.verified,
    refusalReason: delivery.refusalReason ?? null,
    eventId: delivery.eventId ?? null,
    duplicate: delivery.duplicate ?? false,
    // Unverified claims may hold anything (a NUL, a lone surrogate): made storable, so the row is never lost.
    reference: delivery.reference === undefined ? null : toStorableText(delivery.reference.slice(0, 64)),
    name: delivery.name === undefined ? null : toStorableText(delivery.name.slice(0, 40)),
    body:
      redactBodyText(delivery.rawBody, { maxChars: refused ? MAX_REFUSED_BODY_CHARS : MAX_ACCEPTED_BODY_CHARS }) ?? '',
    result: delivery.result ?? null,
    processedAt: delivery.result === undefined ? null : new Date(),
  });
  const stored =
    refused || delivery.eventId === undefined
      ? insert
      : insert.onConflictDoUpdate({
          target: webhookDeliveries.eventId,
          targetWhere: isNull(webhookDeliveries.refusalReason),
          set: { duplicateCount: sql`${webhookDeliveries.duplicateCount} + 1`, lastReceivedAt: sql`now()` },
        });
  const [row] = await stored.returning({ id: webhookDeliveries.id });
  return row?.id;
}

/**
 * Records what processing did on the event and on the delivery it came with (by its id: `event_id` has no index,
 * and the inbox keeps weeks of rows), in one statement.
 */
export async function markProcessed(
  db: Db,
  target: { eventId: number; deliveryId: number | undefined },
  result: string,
): Promise<void> {
  const event = db
    .update(webhookEvents)
    .set({ result, processedAt: sql`now()` })
    .where(eq(webhookEvents.id, target.eventId));
  if (target.deliveryId === undefined) {
    await event;
    return;
  }
  // A data-modifying CTE runs whether or not the main statement reads it (PostgreSQL docs, "WITH").
  const processedEvent = db.$with('processed_event').as(event.returning({ id: webhookEvents.id }));
  await db
    .with(processedEvent)
    .update(webhookDeliveries)
    .set({ result, processedAt: sql`now()` })
    .where(eq(webhookDeliveries.id, target.deliveryId));
}

export interface DeliveryRetention {
  retentionDays: number;
  /** Refused rows kept at most (the newest). */
  maxRefused: number;
}

export async function pruneDeliveries(db: Db, retention: DeliveryRetention) {
  const byAge = await countDeleted(
    db,
    sql`delete from webhook_deliveries where received_at < now() - make_interval(days => ${retention.retentionDays})`,
  );
  const byCount = await countDeleted(
    db,
    sql`delete from webhook_deliveries where refusal_reason is not null and id <= (
          select id from webhook_deliveries where refusal_reason is not null order by id desc offset ${retention.maxRefused} limit 1)`,
  );
  return { byAge, byCount };
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function deliveryItem(row: DeliveryRow, orderNumber: string | null): WebhookDeliveryItem {
  return {
    id: row.id,
    orderNumber,
    receivedAt: row.receivedAt.toISOString(),
    verified: row.verified,
    refusalReason: row.refusalReason,
    eventId: row.eventId,
    duplicate: row.duplicate,
    duplicateCount: row.duplicateCount,
    lastReceivedAt: row.lastReceivedAt?.toISOString() ?? null,
    reference: row.reference,
    name: row.name,
    body: row.body,
    result: row.result,
    processedAt: row.processedAt?.toISOString() ?? null,
    canReprocess: row.verified && row.refusalReason === null && row.eventId !== null,
  };
}

const FILTERS: Record<WebhookInboxFilter, ReturnType<typeof isNull> | undefined> = {
  all: undefined,
  refused: isNotNull(webhookDeliveries.refusalReason),
  accepted: isNull(webhookDeliveries.refusalReason),
};

/**
 * Deliveries with the order their reference belongs to, so staff can follow one to its order. For a refused
 * delivery that is only the order the body claims: the page says so.
 */
const withOrderNumber = (db: Db) =>
  db
    .select({ delivery: webhookDeliveries, orderNumber: orders.orderNumber })
    .from(webhookDeliveries)
    .leftJoin(payments, eq(payments.reference, webhookDeliveries.reference))
    .leftJoin(orders, eq(orders.id, payments.orderId));

const itemOf = (r: { delivery: DeliveryRow; orderNumber: string | null }) => deliveryItem(r.delivery, r.orderNumber);

/** One page of the inbox, newest first. */
export async function listDeliveries(db: Db, query: { page: number; filter: WebhookInboxFilter }) {
  const rows = await withOrderNumber(db)
    .where(FILTERS[query.filter])
    .orderBy(desc(webhookDeliveries.id))
    .limit(WEBHOOK_INBOX_PAGE_SIZE + 1)
    .offset((query.page - 1) * WEBHOOK_INBOX_PAGE_SIZE);
  return {
    deliveries: rows.slice(0, WEBHOOK_INBOX_PAGE_SIZE).map(itemOf),
    hasMore: rows.length > WEBHOOK_INBOX_PAGE_SIZE,
  };
}

/** Every delivery about one payment, oldest first (for the order page's timeline). Bounded like a page. */
export async function deliveriesFor(db: Db, reference: string): Promise<WebhookDeliveryItem[]> {
  const rows = await withOrderNumber(db)
    .where(eq(webhookDeliveries.reference, reference))
    .orderBy(asc(webhookDeliveries.id))
    .limit(500);
  return rows.map(itemOf);
}

export async function deliveryById(db: Db, id: number): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

/** One delivery as the inbox shows it (after staff processed it again). */
export async function deliveryItemById(db: Db, id: number): Promise<WebhookDeliveryItem | undefined> {
  const [row] = await withOrderNumber(db).where(eq(webhookDeliveries.id, id));
  return row && itemOf(row);
}
