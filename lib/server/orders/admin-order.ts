// The staff order page: our ledger, our operations, Vipps' event log and the webhooks
// we received, merged into one timeline. Read-only: money state never changes here.
import { asc, eq, inArray } from 'drizzle-orm';
import type { OrderDetailResponse, PaymentAttemptView, StaffActionView } from '@/lib/admin-api';
import { orderLines, orders, paymentOperations, payments, staffActions, webhookEvents } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { PaymentEvent } from '../vipps/types';
import { buildTimeline } from './admin-timeline';
import type { OrdersDeps } from './deps';
import { abandonedAfterSeconds, buildMoneyPanel } from './money-panel';
import { orderProfile } from './profile-staff';
import { ORDER_NUMBER_PATTERN } from './references';

const orderNotFound = () => new ProblemError({ status: 404, code: 'not_found', title: 'Order not found' });

/** The page must render even when Vipps is slow: the event log is extra, our own records are the page. */
export const EVENT_LOG_TIMEOUT_MS = 5_000;

export interface OrderDetailViewer {
  /** Operators see money buttons; viewers only amounts. */
  canMoveMoney: boolean;
}

export async function getOrderDetail(
  deps: OrdersDeps,
  orderNumber: string,
  viewer: OrderDetailViewer,
): Promise<OrderDetailResponse> {
  const { db } = deps;
  // From a URL: text that is not one of our order numbers (a NUL, say) is not looked up at all.
  if (!ORDER_NUMBER_PATTERN.test(orderNumber)) throw orderNotFound();
  const [order] = await db.select().from(orders).where(eq(orders.orderNumber, orderNumber));
  if (!order) throw orderNotFound();
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.position));
  const [attempts, profile] = await Promise.all([
    db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(asc(payments.attempt)),
    orderProfile(db, order.id),
  ]);
  const references = attempts.map((p) => p.reference);
  const [operations, webhooks, actions] = references.length
    ? await Promise.all([
        db
          .select()
          .from(paymentOperations)
          .where(inArray(paymentOperations.reference, references))
          .orderBy(asc(paymentOperations.id)),
        db
          .select()
          .from(webhookEvents)
          .where(inArray(webhookEvents.reference, references))
          .orderBy(asc(webhookEvents.id)),
        db
          .select()
          .from(staffActions)
          .where(inArray(staffActions.reference, references))
          .orderBy(asc(staffActions.at), asc(staffActions.id)),
      ])
    : [[], [], []];

  // Only attempts that reached Vipps have an event log; one failing read leaves a note, never a failed page.
  const reached = attempts.filter((p) => p.redirectUrl !== null || p.vippsState !== null);
  const reads = await Promise.allSettled(reached.map((p) => withTimeout(deps.vipps.getPaymentEvents(p.reference))));
  const vippsEvents: { reference: string; event: PaymentEvent }[] = [];
  const eventLogUnavailable: string[] = [];
  reads.forEach((read, i) => {
    const reference = reached[i]!.reference;
    if (read.status === 'fulfilled') vippsEvents.push(...read.value.map((event) => ({ reference, event })));
    else {
      const reason: unknown = read.reason;
      eventLogUnavailable.push(reference);
      deps.log.warn({ err: reason, reference }, "Vipps' event log could not be read");
    }
  });

  const panelRule = { now: new Date(), abandonedAfterSeconds: abandonedAfterSeconds() };
  const paymentViews = attempts.map((p): PaymentAttemptView => ({
    attempt: p.attempt,
    reference: p.reference,
    vippsState: p.vippsState,
    pspReference: p.pspReference,
    createdAt: p.createdAt.toISOString(),
    authorizedAt: p.authorizedAt?.toISOString() ?? null,
    attentionReason: p.attentionReason,
    money: buildMoneyPanel({ payment: p, operations, ...panelRule, canMoveMoney: viewer.canMoveMoney }),
  }));

  return {
    orderNumber: order.orderNumber,
    createdAt: order.createdAt.toISOString(),
    status: order.status,
    currency: order.currency,
    totalOre: order.totalOre,
    profile,
    vatOre: order.vatOre,
    phoneNumber: order.phoneNumber,
    lines: lines.map(({ position, sku, name, quantity, unitPriceOre, totalOre, vatPercent, vatOre }) => ({
      ...{ position, sku, name, quantity, unitPriceOre, totalOre, vatPercent, vatOre },
    })),
    payments: paymentViews,
    timeline: buildTimeline({ order, operations, webhooks, actions, vippsEvents }),
    eventLogUnavailable,
    asOf: new Date().toISOString(),
    staffActions: actions.map((a): StaffActionView => ({
      id: a.id,
      at: a.at.toISOString(),
      staffEmail: a.staffEmail,
      action: a.action,
      reference: a.reference,
      amountOre: a.amountOre,
      note: a.note,
      result: a.result,
      reason: a.reason,
    })),
  };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${EVENT_LOG_TIMEOUT_MS} ms`)), EVENT_LOG_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
