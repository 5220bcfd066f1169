import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';
import type { CreatePaymentRequest } from '../vipps/types';
import { CREATE_CLAIM_SECONDS, type CreateToSend } from './create-payment';
import type { PricedCart } from './pricing';

export interface NewCheckout {
  orderId: number;
  orderNumber: string;
  checkoutKey: string;
  requestHash: string;
  phoneNumber: string | undefined;
  priced: PricedCart;
  reference: string;
  idempotencyKey: string;
  /** The `profile.scope` the body asks for, kept with the payment (payment_profiles) in the same statement. */
  profileScope: string | undefined;
  body: CreatePaymentRequest;
}

/**
 * Writes a new checkout — the order, its lines, its first payment, its profile request if the shopper chose to
 * share one, and that payment's create operation — in ONE
 * statement: data-modifying CTEs commit or fail together like a transaction, in one round trip instead of eight
 * (BEGIN, four INSERTs, COMMIT …), which is most of what checkout adds to the Vipps call (`npm run bench`).
 * The rows below the order are selected from the order's insert, so a checkout key seen before writes nothing
 * and answers `undefined`.
 *
 * The create operation is written already claimed by this request, its attempt counted: nobody can have seen
 * it before the statement commits, so this equals claiming it afterwards, one round trip cheaper. A request
 * that dies before sending leaves the claim to run out; the reconciler then sends it (reconcile.ts).
 */
export async function insertCheckout(db: Db, c: NewCheckout): Promise<CreateToSend | undefined> {
  const requestBody = JSON.stringify(c.body);
  const lines = JSON.stringify(c.priced.lines);
  const [operation] = await queryRows<{ id: number }>(
    db,
    sql`
      with new_order as (
        insert into orders
          (id, order_number, checkout_key, request_hash, currency, total_ore, vat_ore, phone_number, status)
        values (${c.orderId}, ${c.orderNumber}, ${c.checkoutKey}, ${c.requestHash}, ${c.priced.currency},
          ${c.priced.totalOre}, ${c.priced.vatOre}, ${c.phoneNumber ?? null}, 'awaiting_payment')
        on conflict (checkout_key) do nothing
        returning id
      ),
      new_lines as (
        insert into order_lines
          (order_id, position, sku, name, quantity, unit_price_ore, total_ore, vat_percent, vat_ore)
        select new_order.id, line."position", line.sku, line.name, line.quantity, line."unitPriceOre",
          line."totalOre", line."vatPercent", line."vatOre"
        from new_order, jsonb_to_recordset(${lines}::jsonb) as line("position" int, sku text, name text,
          quantity int, "unitPriceOre" int, "totalOre" int, "vatPercent" int, "vatOre" int)
      ),
      new_payment as (
        insert into payments (reference, order_id, attempt, currency, amount_ore)
        select ${c.reference}, new_order.id, 1, ${c.priced.currency}, ${c.priced.totalOre} from new_order
        returning reference
      ),
      new_profile as (
        insert into payment_profiles (reference, scope, status)
        select new_payment.reference, ${c.profileScope ?? null}::text, 'waiting'
        from new_payment where ${c.profileScope ?? null}::text is not null
      )
      insert into payment_operations
        (reference, kind, idempotency_key, amount_ore, request_body, status, requested_by, attempts, claimed_until)
      select new_payment.reference, 'create', ${c.idempotencyKey}, ${c.priced.totalOre}, ${requestBody},
        'pending', 'shopper', 1, now() + make_interval(secs => ${CREATE_CLAIM_SECONDS})
      from new_payment
      returning id`,
  );
  if (!operation) return undefined;
  return { id: operation.id, idempotencyKey: c.idempotencyKey, requestBody, status: 'pending' };
}
