import { eq, sql } from 'drizzle-orm';
import type { OrderLineView, PaymentStatusResponse } from '@/lib/shop-api';
import { orderLines, orders, paymentProfiles, payments, type OrderRow, type PaymentRow } from '../db/schema';
import { ProblemError } from '../http/problem';
import { coalesced } from './coalesce';
import type { OrdersDeps } from './deps';
import { canRetry, isFinalState, outcomeFor } from './state-machine';
import { fetchProfileOnce, waitAtMost } from './profile-fetch';
import { claimableProfile } from './profile-store';
import { greetingFor, type ProfileSnapshot } from './profile-views';
import { ledgerOf, syncPayment } from './sync';

/** Vipps' polling advice (BRIEF §4): every 2 s; their limit is 120 GETs a minute per payment. */
export const STATUS_REFRESH_SECONDS = 2;

/**
 * The shopper's view of one payment, answered from our database. Only when the payment is not final and
 * nobody has read it from Vipps in the last 2 s does this request read it — and that right is claimed with one
 * conditional update, so any number of tabs on any number of app instances cause at most one upstream GET per
 * payment per 2 s.
 */
export async function getPaymentStatus(deps: OrdersDeps, reference: string): Promise<PaymentStatusResponse> {
  const found = await findSharedPaymentWithOrder(deps, reference);
  let payment = found.payment;
  let profile = found.profile;
  if (
    payment.redirectUrl &&
    !isFinalState(payment.vippsState) &&
    !readRecently(payment) &&
    (await claimRefresh(deps, reference))
  ) {
    try {
      // Also fetches the shared profile if this read is the one that saw the approval (waited for ≤ 5 s).
      payment = await syncPayment(deps, reference);
      if (profile) profile = await readProfile(deps, reference);
    } catch (error) {
      // The shopper still gets our last known answer; the next poll or the reconciler tries again.
      deps.log.warn({ err: error, reference }, 'status refresh from Vipps failed');
    }
  }
  if (profile?.claimable && payment.vippsState === 'AUTHORIZED') {
    // A webhook or the reconciler saw the approval but its fetch is not done (or failed and is due): the return
    // page may be the one that fetches it, so it can greet the shopper at once. Bounded; never fails the poll.
    await waitAtMost(fetchProfileOnce(deps, reference));
    profile = await readProfile(deps, reference);
  }
  return statusView(payment, found, profile);
}

/** The shared profile as the return page needs it; null when the attempt did not ask for one. */
const profileColumn = sql<ProfileSnapshot | null>`(select json_build_object('status', ${paymentProfiles.status},
    'claims', ${paymentProfiles.claims}, 'claimable', ${claimableProfile})
  from ${paymentProfiles} where ${paymentProfiles.reference} = ${payments.reference})`;

async function readProfile(deps: OrdersDeps, reference: string): Promise<ProfileSnapshot | null> {
  const [row] = await deps.db
    .select({
      status: paymentProfiles.status,
      claims: paymentProfiles.claims,
      claimable: sql<boolean>`${claimableProfile}`,
    })
    .from(paymentProfiles)
    .where(eq(paymentProfiles.reference, reference));
  return row ?? null;
}

/**
 * The row just read says someone read the payment from Vipps less than 2 s ago, so the claim below would fail:
 * skip its write (`npm run bench`: under 100 polling tabs the claim's UPDATE on every poll cost a third of the
 * route's throughput). Only a shortcut: `claimRefresh` alone decides who may read, so a clock difference between
 * this process and the database can delay a read by that difference, never add one.
 */
function readRecently(payment: PaymentRow): boolean {
  return payment.checkedAt !== null && Date.now() - payment.checkedAt.getTime() < STATUS_REFRESH_SECONDS * 1000;
}

interface PaymentWithOrder {
  payment: PaymentRow;
  order: Pick<OrderRow, 'orderNumber' | 'currency' | 'totalOre' | 'vatOre'>;
  lines: OrderLineView[];
  newestReference: string | null;
  profile: ProfileSnapshot | null;
}

const sharedReads = new WeakMap<OrdersDeps['db'], (reference: string) => Promise<PaymentWithOrder>>();

/**
 * Polls of one payment that arrive while its row is being read share that read (`npm run bench`: under 100
 * polling connections each poll ran its own query, and the route managed 0.63× a bare route's requests). The
 * answer is at most one query older than the poll, which then decides about a refresh from Vipps on its own.
 * Per database, so two databases in one process never share a row.
 */
function findSharedPaymentWithOrder(deps: OrdersDeps, reference: string): Promise<PaymentWithOrder> {
  let read = sharedReads.get(deps.db);
  if (!read) {
    read = coalesced((ref: string) => findPaymentWithOrder(deps, ref));
    sharedReads.set(deps.db, read);
  }
  return read(reference);
}

/**
 * The payment, its order, the order's lines and its newest attempt in one statement (`npm run bench`: four
 * round trips per poll made the route less than half as fast as a bare one). A sync changes none of the last
 * three, so they stay valid after one.
 */
async function findPaymentWithOrder(deps: OrdersDeps, reference: string): Promise<PaymentWithOrder> {
  const [row] = await deps.db
    .select({
      payment: payments,
      orderNumber: orders.orderNumber,
      currency: orders.currency,
      totalOre: orders.totalOre,
      vatOre: orders.vatOre,
      newestReference: sql<string | null>`(select newest.reference from ${payments} newest
        where newest.order_id = ${payments.orderId} order by newest.attempt desc limit 1)`,
      lines: sql<OrderLineView[] | null>`(select json_agg(json_build_object(
          'sku', l.sku, 'name', l.name, 'quantity', l.quantity, 'unitPriceOre', l.unit_price_ore,
          'totalOre', l.total_ore, 'vatPercent', l.vat_percent, 'vatOre', l.vat_ore) order by l.position)
        from ${orderLines} l where l.order_id = ${payments.orderId})`,
      profile: profileColumn,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(eq(payments.reference, reference));
  if (!row) {
    throw new ProblemError({
      status: 404,
      code: 'not_found',
      title: 'We cannot find this payment',
      detail: 'Check the link, or go back to the shop.',
    });
  }
  const { payment, lines, newestReference, profile, ...order } = row;
  return { payment, order, lines: lines ?? [], newestReference, profile };
}

/**
 * Claims the right to read a non-final payment from Vipps now: one conditional update, so across requests,
 * instances and the reconciler at most one read happens per `seconds` (Vipps allows 120 GETs a minute).
 */
export async function claimRefresh(
  deps: OrdersDeps,
  reference: string,
  seconds = STATUS_REFRESH_SECONDS,
): Promise<boolean> {
  const claimed = await deps.db
    .update(payments)
    .set({ checkedAt: sql`now()` })
    .where(
      sql`${payments.reference} = ${reference}
        and (${payments.checkedAt} is null or ${payments.checkedAt} < now() - make_interval(secs => ${seconds}))
        and (${payments.vippsState} is null or ${payments.vippsState} = 'CREATED')`,
    )
    .returning({ reference: payments.reference });
  return claimed.length > 0;
}

function statusView(
  payment: PaymentRow,
  { order, lines, newestReference }: PaymentWithOrder,
  profile: ProfileSnapshot | null,
): PaymentStatusResponse {
  const ledger = ledgerOf(payment);
  const outcome = outcomeFor(ledger);
  const isNewest = newestReference === payment.reference;
  return {
    reference: payment.reference,
    orderNumber: order.orderNumber,
    outcome,
    final: outcome !== 'pending',
    checkedAt: payment.checkedAt?.toISOString() ?? null,
    canRetry: isNewest && canRetry(ledger),
    newerReference: isNewest ? null : newestReference,
    shopper: greetingFor(payment, profile),
    order: {
      currency: order.currency,
      totalOre: order.totalOre,
      vatOre: order.vatOre,
      lines: lines.map(({ sku, name, quantity, unitPriceOre, totalOre, vatPercent, vatOre }) => ({
        sku,
        name,
        quantity,
        unitPriceOre,
        totalOre,
        vatPercent,
        vatOre,
      })),
    },
  };
}
