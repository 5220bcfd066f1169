// The contract between the admin pages for the Vipps API log and the webhook inbox and their route handlers:
// query schemas shared by pages and handlers, and the shapes the pages read. Bodies arrive already redacted.
import { z } from 'zod';
import { storableText } from './storable-text';

export const API_LOG_PAGE_SIZE = 50;
export const WEBHOOK_INBOX_PAGE_SIZE = 50;

/** `GET /api/admin/api-log`: one payment's exchanges (`reference`), or every exchange, newest first, by page. */
export const apiLogQuerySchema = z.object({
  reference: storableText().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ApiLogQuery = z.infer<typeof apiLogQuerySchema>;

export interface ApiLogEntry {
  id: number;
  /** ISO 8601, when the attempt started. */
  at: string;
  method: string;
  path: string;
  /** Null when no answer came (then `error` says why). */
  status: number | null;
  durationMs: number;
  attempt: number;
  idempotencyKey: string | null;
  reference: string | null;
  traceId: string | null;
  pspReference: string | null;
  /** JSON text (redacted, at most about 16 kB) or null. */
  requestBody: string | null;
  responseBody: string | null;
  error: string | null;
}

export interface ApiLogResponse {
  entries: ApiLogEntry[];
  /** Set when the entries are one payment's, oldest first; else the page of the whole log, newest first. */
  reference: string | null;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export const WEBHOOK_INBOX_FILTERS = ['all', 'refused', 'accepted'] as const;
export type WebhookInboxFilter = (typeof WEBHOOK_INBOX_FILTERS)[number];

/** `GET /api/admin/webhooks`: a page of deliveries, newest first, or one payment's (`reference`). */
export const webhookInboxQuerySchema = z.object({
  filter: z.enum(WEBHOOK_INBOX_FILTERS).default('all'),
  reference: storableText().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type WebhookInboxQuery = z.infer<typeof webhookInboxQuerySchema>;

export interface WebhookDeliveryItem {
  id: number;
  /** ISO 8601. */
  receivedAt: string;
  /** The signature and date checked out. */
  verified: boolean;
  /** Why it was refused, in our words ('bad signature', 'stale or future date', …); null when accepted. */
  refusalReason: string | null;
  /** The stored event (`webhook_events`) it carried; null when refused. */
  eventId: number | null;
  /** The row was made by a repeat of an event whose first row is gone: not processed again. */
  duplicate: boolean;
  /** How many more times the same event arrived (redeliveries, replays): counted here, never stored or processed. */
  duplicateCount: number;
  /** ISO 8601 of the newest repeat; null while there has been none. */
  lastReceivedAt: string | null;
  reference: string | null;
  /** The order of `reference` in our ledger; for a refused delivery only the order its body claims. */
  orderNumber: string | null;
  /** The event name, e.g. `AUTHORIZED`. */
  name: string | null;
  /** The body as received (redacted, cut to a bound). */
  body: string;
  /** What processing did: 'synced', 'nothing_new', 'unknown_reference', 'failed: …', 'duplicate'; null while pending. */
  result: string | null;
  processedAt: string | null;
  /** Only accepted deliveries can be processed again. */
  canReprocess: boolean;
}

export interface WebhookInboxResponse {
  deliveries: WebhookDeliveryItem[];
  filter: WebhookInboxFilter;
  reference: string | null;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** `POST /api/admin/webhooks/{id}/reprocess`. */
export interface ReprocessResponse {
  delivery: WebhookDeliveryItem;
}
