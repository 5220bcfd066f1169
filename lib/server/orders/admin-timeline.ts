// One timeline for the order page from four records that each tell part of the story. Pure: the caller loads them.
import type { TimelineEntry, TimelineSource } from '@/lib/admin-api';
import { staffActionLabel } from '@/lib/admin-format';
import type { OrderRow, PaymentOperationRow, staffActions, webhookEvents } from '../db/schema';
import type { PaymentEvent } from '../vipps/types';

type StaffActionRow = typeof staffActions.$inferSelect;
type WebhookEventRow = typeof webhookEvents.$inferSelect;

export interface TimelineInput {
  order: OrderRow;
  operations: PaymentOperationRow[];
  webhooks: WebhookEventRow[];
  actions: StaffActionRow[];
  vippsEvents: { reference: string; event: PaymentEvent }[];
}

const OPERATION_TITLES: Record<string, string> = {
  create: 'Create payment',
  capture: 'Capture',
  refund: 'Refund',
  cancel: 'Cancel',
};

/** Same instant: our request comes before Vipps' record of it, which comes before the webhook telling us. */
const SOURCE_RANK: Record<TimelineSource, number> = { shop: 0, staff: 0, vipps: 1, webhook: 2 };

const entry = (fields: Partial<TimelineEntry> & Pick<TimelineEntry, 'at' | 'source' | 'title'>): TimelineEntry => ({
  reference: null,
  amountOre: null,
  idempotencyKey: null,
  actor: null,
  outcome: null,
  detail: null,
  ...fields,
});

/** Newest last. Each entry says where it came from, so staff can tell what we did from what Vipps recorded. */
export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    entry({
      at: input.order.createdAt.toISOString(),
      source: 'shop',
      title: 'Order placed',
      amountOre: input.order.totalOre,
      actor: 'shopper',
    }),
  ];
  for (const op of input.operations) {
    const byStaff = op.requestedBy !== 'shopper' && op.requestedBy !== 'system';
    const refusal = [op.errorCode, op.errorTitle].filter(Boolean).join(' ');
    entries.push(
      entry({
        at: op.createdAt.toISOString(),
        source: byStaff ? 'staff' : 'shop',
        title: OPERATION_TITLES[op.kind] ?? op.kind,
        reference: op.reference,
        amountOre: op.amountOre,
        idempotencyKey: op.idempotencyKey,
        actor: op.requestedBy,
        outcome: op.status,
        detail: [op.note && `Note: ${op.note}`, refusal && `Vipps: ${refusal}`].filter(Boolean).join(' · ') || null,
      }),
    );
  }
  // A staff action that recorded one of the operations above is already there; others (e.g. "check with Vipps"
  // on an unknown outcome) are shown on their own.
  const recorded = new Map(input.operations.map((op) => [op.id, op.kind]));
  for (const action of input.actions) {
    if (action.operationId !== null && recorded.get(action.operationId) === action.action) continue;
    entries.push(
      entry({
        at: action.at.toISOString(),
        source: 'staff',
        title: staffActionLabel(action.action),
        reference: action.reference,
        amountOre: action.amountOre,
        actor: action.staffEmail,
        outcome: action.result,
        detail:
          [action.reason && `Refused: ${action.reason}`, action.note && `Note: ${action.note}`]
            .filter(Boolean)
            .join(' · ') || null,
      }),
    );
  }
  for (const { reference, event } of input.vippsEvents) {
    entries.push(
      entry({
        at: new Date(event.timestamp).toISOString(),
        source: 'vipps',
        title: event.name ?? 'Event',
        reference,
        amountOre: event.amount.value,
        idempotencyKey: event.idempotencyKey ?? null,
        outcome: event.success ? 'success' : 'failed',
        detail: `pspReference ${event.pspReference}`,
      }),
    );
  }
  for (const webhook of input.webhooks) {
    entries.push(
      entry({
        at: webhook.receivedAt.toISOString(),
        source: 'webhook',
        title: webhook.name,
        reference: webhook.reference,
        amountOre: amountOf(webhook.body),
        outcome: webhook.result ?? (webhook.processedAt ? 'processed' : 'received'),
        detail: webhook.pspReference && `pspReference ${webhook.pspReference}`,
      }),
    );
  }
  return entries
    .map((e, index) => ({ e, index, time: Date.parse(e.at) }))
    .sort((a, b) => a.time - b.time || SOURCE_RANK[a.e.source] - SOURCE_RANK[b.e.source] || a.index - b.index)
    .map(({ e }) => e);
}

function amountOf(body: unknown): number | null {
  const value = (body as { amount?: { value?: unknown } } | null)?.amount?.value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}
