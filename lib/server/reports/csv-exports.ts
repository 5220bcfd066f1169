import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';
import { csvLine, oreAsKr } from '@/lib/csv';
import { SHOP_TIME_ZONE, type DateRange } from './date-range';

// CSV exports for bookkeeping: UTF-8 with a BOM (so Excel reads "ø" right), ISO 8601 times
// in UTC, every amount in øre and in kr. Read-only: nothing here changes state.

const BOM = '\uFEFF';
const inRange = (column: string, range: DateRange) =>
  sql`(${sql.raw(column)} at time zone ${SHOP_TIME_ZONE})::date between ${range.from}::date and ${range.to}::date`;
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

interface OrderExportRow {
  order_number: string;
  created_at: string;
  status: string;
  currency: string;
  total_ore: number;
  vat_ore: number;
  reference: string | null;
  vipps_state: string | null;
  authorized_ore: number | null;
  captured_ore: number | null;
  refunded_ore: number | null;
  cancelled_ore: number | null;
  customer_name: string | null;
  customer_email: string | null;
}

export interface ExportOptions {
  /**
   * Add the name and e-mail the shopper shared from Vipps. Operators only (ADR 0026): a file leaves the shop's
   * access control, so viewers, who read the order pages, get the export without them.
   */
  withContact?: boolean;
}

/** One row per order created in the range, with the amounts of its deciding payment attempt. */
export async function ordersCsv(db: Db, range: DateRange, options: ExportOptions = {}): Promise<string> {
  const rows = await queryRows<OrderExportRow>(
    db,
    sql`select o.order_number, o.created_at, o.status, o.currency, o.total_ore, o.vat_ore,
               p.reference, p.vipps_state, p.authorized_ore, p.captured_ore, p.refunded_ore, p.cancelled_ore,
               pp.claims->>'name' as customer_name, pp.claims->>'email' as customer_email
        from orders o
        left join lateral (
          select * from payments p where p.order_id = o.id
          order by (p.vipps_state = 'AUTHORIZED') desc, p.attempt desc limit 1
        ) p on true
        left join payment_profiles pp on pp.reference = p.reference and pp.status = 'fetched'
        where ${inRange('o.created_at', range)}
        order by o.created_at, o.id`,
  );
  const contact = options.withContact === true;
  const amounts = ['total', 'vat', 'authorized', 'captured', 'refunded', 'cancelled'] as const;
  let out =
    BOM +
    csvLine([
      'order_number',
      'created_at',
      'status',
      'currency',
      'reference',
      'vipps_state',
      ...amounts.flatMap((a) => [`${a}_ore`, `${a}_kr`]),
      ...(contact ? ['customer_name', 'customer_email'] : []),
    ]);
  for (const r of rows) {
    const ore = [
      r.total_ore,
      r.vat_ore,
      r.authorized_ore ?? 0,
      r.captured_ore ?? 0,
      r.refunded_ore ?? 0,
      r.cancelled_ore ?? 0,
    ];
    out += csvLine([
      r.order_number,
      iso(r.created_at),
      r.status,
      r.currency,
      r.reference,
      r.vipps_state,
      ...ore.flatMap((o) => [o, oreAsKr(o)]),
      ...(contact ? [r.customer_name, r.customer_email] : []),
    ]);
  }
  return out;
}

interface OperationExportRow {
  id: number;
  created_at: string;
  completed_at: string | null;
  order_number: string;
  reference: string;
  kind: string;
  amount_ore: number;
  currency: string;
  status: string;
  requested_by: string;
  idempotency_key: string;
  error_code: string | null;
  error_title: string | null;
  note: string | null;
}

/** Every money operation (create, capture, refund, cancel) asked for in the range, with how it ended. */
export async function operationsCsv(db: Db, range: DateRange): Promise<string> {
  const rows = await queryRows<OperationExportRow>(
    db,
    sql`select op.id, op.created_at, op.completed_at, o.order_number, op.reference, op.kind, op.amount_ore,
               p.currency, op.status, op.requested_by, op.idempotency_key, op.error_code, op.error_title, op.note
        from payment_operations op
        join payments p on p.reference = op.reference
        join orders o on o.id = p.order_id
        where ${inRange('op.created_at', range)}
        order by op.created_at, op.id`,
  );
  let out =
    BOM +
    csvLine([
      'operation_id',
      'created_at',
      'completed_at',
      'order_number',
      'reference',
      'kind',
      'currency',
      'amount_ore',
      'amount_kr',
      'status',
      'requested_by',
      'idempotency_key',
      'vipps_error_code',
      'vipps_error_title',
      'note',
    ]);
  for (const r of rows) {
    out += csvLine([
      r.id,
      iso(r.created_at),
      iso(r.completed_at),
      r.order_number,
      r.reference,
      r.kind,
      r.currency,
      r.amount_ore,
      oreAsKr(r.amount_ore),
      r.status,
      r.requested_by,
      r.idempotency_key,
      r.error_code,
      r.error_title,
      r.note,
    ]);
  }
  return out;
}
