// The staff orders list: read-only, straight from our ledger; it never calls Vipps.
import { and, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  ORDERS_PAGE_SIZE,
  type OrderListItem,
  type OrderListQuery,
  type OrderListResponse,
  type ReservationFilter,
} from '@/lib/admin-api';
import { toMsisdn } from '@/lib/shop-api';
import type { Db } from '../db/core';
import { orders, paymentOperations, payments, type PaymentRow } from '../db/schema';
import { sharedEmailMatch, sharedNames } from './profile-staff';

/** `%` and `_` typed by staff are literal characters, not wildcards. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const unknownOperationOf = (db: Db) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(paymentOperations)
      .innerJoin(payments, eq(payments.reference, paymentOperations.reference))
      .where(and(eq(payments.orderId, orders.id), eq(paymentOperations.status, 'unknown'))),
  );

/**
 * What staff typed in the search box: an order number (whole or its start, any case; "100042" alone too), a
 * payment reference of any attempt, a phone number however it is spaced ("+47 912 34 567" = 4791234567), or (with
 * an `@`) the e-mail address the shopper shared from Vipps.
 */
function searchCondition(db: Db, q: string): SQL {
  const text = q.toUpperCase();
  const matches: SQL[] = [sql`upper(${orders.orderNumber}) like ${likePrefix(text)}`];
  if (/^\d+$/.test(q)) matches.push(sql`${orders.orderNumber} like ${likePrefix(`FB-${q}`)}`);
  matches.push(
    exists(
      db
        .select({ one: sql`1` })
        .from(payments)
        .where(and(eq(payments.orderId, orders.id), sql`lower(${payments.reference}) = ${q.toLowerCase()}`)),
    ),
  );
  const msisdn = toMsisdn(q);
  if (msisdn) matches.push(eq(orders.phoneNumber, msisdn));
  if (q.includes('@')) matches.push(sharedEmailMatch(db, q));
  return or(...matches)!;
}

/**
 * An attempt still holding money: AUTHORIZED with authorized − captured − cancelled > 0 (what the dashboard's
 * "reserved" tile counts); `stale` also needs the reservation to be older than `staleAfterDays`.
 */
function reservationCondition(db: Db, filter: ReservationFilter, opts: ListOrdersOptions): SQL {
  const held = [
    eq(payments.orderId, orders.id),
    eq(payments.vippsState, 'AUTHORIZED'),
    sql`${payments.authorizedOre} - ${payments.capturedOre} - ${payments.cancelledOre} > 0`,
  ];
  if (filter === 'stale') {
    const now = (opts.now ?? new Date()).toISOString();
    held.push(sql`${payments.authorizedAt} < ${now}::timestamptz - make_interval(days => ${opts.staleAfterDays})`);
  }
  return exists(
    db
      .select({ one: sql`1` })
      .from(payments)
      .where(and(...held)),
  );
}

export interface ListOrdersOptions {
  /** RESERVATION_STALE_AFTER_DAYS, passed in by the caller so this stays a function of its arguments. */
  staleAfterDays: number;
  now?: Date;
}

export async function listOrders(db: Db, query: OrderListQuery, opts: ListOrdersOptions): Promise<OrderListResponse> {
  const conditions: SQL[] = [];
  if (query.status === 'outcome_unknown') conditions.push(unknownOperationOf(db));
  else if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.q) conditions.push(searchCondition(db, query.q));
  if (query.reservation) conditions.push(reservationCondition(db, query.reservation, opts));
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(where);
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(ORDERS_PAGE_SIZE)
    .offset((query.page - 1) * ORDERS_PAGE_SIZE);

  const ids = rows.map((o) => o.id);
  const attempts = ids.length ? await db.select().from(payments).where(inArray(payments.orderId, ids)) : [];
  const unknown = ids.length
    ? await db
        .selectDistinct({ orderId: payments.orderId })
        .from(paymentOperations)
        .innerJoin(payments, eq(payments.reference, paymentOperations.reference))
        .where(and(inArray(payments.orderId, ids), eq(paymentOperations.status, 'unknown')))
    : [];
  const withUnknown = new Set(unknown.map((u) => u.orderId));
  const names = await sharedNames(db, ids);

  const items = rows.map((order): OrderListItem => {
    const own = attempts.filter((p) => p.orderId === order.id);
    return {
      orderNumber: order.orderNumber,
      createdAt: order.createdAt.toISOString(),
      status: order.status,
      currency: order.currency,
      totalOre: order.totalOre,
      customerName: names.get(order.id) ?? null,
      reference: newest(own)?.reference ?? null,
      phoneNumber: order.phoneNumber,
      // An order normally has one authorized attempt; summing shows every øre even if Vipps authorized two.
      authorizedOre: sum(own, (p) => p.authorizedOre),
      capturedOre: sum(own, (p) => p.capturedOre),
      refundedOre: sum(own, (p) => p.refundedOre),
      reservedSince: reservedSince(own),
      hasUnknownOutcome: withUnknown.has(order.id),
    };
  });
  return { items, page: query.page, pageSize: ORDERS_PAGE_SIZE, total, asOf: new Date().toISOString() };
}

const newest = (attempts: PaymentRow[]) =>
  attempts.reduce<PaymentRow | undefined>((a, p) => (a && a.attempt > p.attempt ? a : p), undefined);

const sum = (attempts: PaymentRow[], of: (p: PaymentRow) => number) => attempts.reduce((total, p) => total + of(p), 0);

/** Vipps lets a reservation lapse after some days (BRIEF §5): staff need its age while money is still held. */
function reservedSince(attempts: PaymentRow[]): string | null {
  const held = attempts
    .filter(
      (p) => p.vippsState === 'AUTHORIZED' && p.authorizedAt && p.authorizedOre - p.capturedOre - p.cancelledOre > 0,
    )
    .map((p) => p.authorizedAt!.getTime());
  return held.length ? new Date(Math.min(...held)).toISOString() : null;
}
