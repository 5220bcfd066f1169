// The webhook inbox for the admin route handlers: reads, and staff's "process again".
import 'server-only';
import {
  WEBHOOK_INBOX_PAGE_SIZE,
  type ReprocessResponse,
  type WebhookInboxQuery,
  type WebhookInboxResponse,
} from '@/lib/admin-observability-api';
import { ordersDeps } from '../orders';
import { deliveriesFor, listDeliveries } from './inbox';
import { reprocessDelivery } from './receive';

/** `GET /api/admin/webhooks`: one payment's deliveries (oldest first), or a page of the inbox (newest first). */
export async function webhookInbox(query: WebhookInboxQuery): Promise<WebhookInboxResponse> {
  const { db } = await ordersDeps();
  if (query.reference !== undefined) {
    const all = await deliveriesFor(db, query.reference);
    const deliveries = all.filter(
      (d) => query.filter === 'all' || (d.refusalReason !== null) === (query.filter === 'refused'),
    );
    return {
      deliveries,
      filter: query.filter,
      reference: query.reference,
      page: 1,
      pageSize: deliveries.length,
      hasMore: false,
    };
  }
  const { deliveries, hasMore } = await listDeliveries(db, query);
  return {
    deliveries,
    filter: query.filter,
    reference: null,
    page: query.page,
    pageSize: WEBHOOK_INBOX_PAGE_SIZE,
    hasMore,
  };
}

export async function reprocessWebhookDelivery(deliveryId: number, staffEmail: string): Promise<ReprocessResponse> {
  return { delivery: await reprocessDelivery(await ordersDeps(), deliveryId, staffEmail) };
}
