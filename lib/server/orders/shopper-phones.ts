// The shopper's phone number is personal data we need only while the payment is under way (it pre-fills the
// Vipps page) and for a while after, when staff may search by it. After SHOPPER_PHONE_RETENTION_DAYS it is
// forgotten everywhere it was kept: on the order, in the create call's stored request body (payment_operations,
// the exact bytes sent, kept for retries), and in the Vipps API log's bodies (already masked, "47******67").
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';

/** Counts the rows a data-modifying statement (without its own RETURNING) changed. */
async function countChanged(db: Db, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`with changed as (${statement} returning 1) select count(*) as n from changed`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Our bodies are JSON we wrote (`JSON.stringify`, no spaces) or redacted copies of it, so the number is always
 * `"phoneNumber":"…"`. It becomes `null`: the body stays valid JSON and still shows that a number was given.
 */
const HELD_PHONE = '%"phoneNumber":"%';
const forgetIn = (column: SQL) => sql`regexp_replace(${column}, '"phoneNumber":"[^"]*"', '"phoneNumber":null', 'g')`;

export interface ForgottenPhones {
  orders: number;
  operations: number;
  apiLog: number;
}

/**
 * Clears every shopper phone number kept longer than `retentionDays` after its order (or its log row) was
 * written. Run by the periodic retention (boot/retention.ts); `now` is the clock, so tests can move it.
 */
export async function forgetShopperPhones(
  db: Db,
  options: { retentionDays: number; now?: Date },
): Promise<ForgottenPhones> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000).toISOString();
  const orders = await countChanged(
    db,
    sql`update orders set phone_number = null
        where phone_number is not null and created_at < ${cutoff}::timestamptz`,
  );
  // A retry sends these exact bytes; long before the cutoff the payment is final (Vipps expires it), so none is left.
  const operations = await countChanged(
    db,
    sql`update payment_operations set request_body = ${forgetIn(sql`request_body`)}
        where request_body like ${HELD_PHONE} and created_at < ${cutoff}::timestamptz`,
  );
  const apiLog = await countChanged(
    db,
    sql`update vipps_api_log set request_body = ${forgetIn(sql`request_body`)}, response_body = ${forgetIn(sql`response_body`)}
        where (request_body like ${HELD_PHONE} or response_body like ${HELD_PHONE}) and at < ${cutoff}::timestamptz`,
  );
  return { orders, operations, apiLog };
}
