// Reserved (AUTHORIZED) money for the vitest trees that run the app's modules against a real simulator: made the
// way a shopper makes it (a checkout, then Approve in "the Vipps app", played by the simulator's control API).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { startCheckout } from '@/lib/server/orders/checkout';
import type { OrdersDeps } from '@/lib/server/orders/deps';
import { syncPayment } from '@/lib/server/orders/sync';
import type { VippsClient } from '@/lib/server/vipps/client';
import type { CreatePaymentRequest } from '@/lib/server/vipps/types';

/** The reserved order's basket: two aurora prints (449,00 each) and a coffee (129,00). */
export const RESERVED_ITEMS = [
  { sku: 'aurora-print', quantity: 2 },
  { sku: 'fjellkaffe', quantity: 1 },
];
export const RESERVED_TOTAL_ORE = 2 * 44900 + 12900;

export interface ReservingWorld {
  deps: () => OrdersDeps;
  harness: { sim: SimulatorControl };
}

export interface ReserveOptions {
  items?: Array<{ sku: string; quantity: number }>;
  /**
   * Also read the payment back into the shop's ledger (as the return page's poll or a webhook would). Without it
   * the money is reserved at Vipps and the shop does not know yet: what a webhook or the reconciler must find.
   */
  synced?: boolean;
}

/** An order checked out through the orders module and approved by the shopper; its whole amount is reserved. */
export async function reserveOrder(
  world: ReservingWorld,
  { items = RESERVED_ITEMS, synced = false }: ReserveOptions = {},
): Promise<{ reference: string; orderNumber: string }> {
  const { reference, orderNumber } = await startCheckout(world.deps(), { checkoutKey: randomUUID(), items });
  await world.harness.sim.approve(reference);
  if (synced) await syncPayment(world.deps(), reference);
  return { reference, orderNumber };
}

/** A payment created by the Vipps client alone (no order) and approved by the shopper: for the client's own tests. */
export async function reservePayment(
  client: VippsClient,
  sim: SimulatorControl,
  payment: CreatePaymentRequest,
): Promise<string> {
  await client.createPayment(payment, { idempotencyKey: `create-${payment.reference}` });
  await sim.approve(payment.reference);
  return payment.reference;
}

/**
 * The same over HTTP, for tests that run the built app as a process (tests/system): checkout through the shop's
 * route, Approve at the simulator, then wait until the shop itself says paid (a webhook, a poll or the reconciler).
 */
export async function reserveOrderOverHttp(
  appUrl: string,
  sim: SimulatorControl,
  { items = RESERVED_ITEMS }: Pick<ReserveOptions, 'items'> = {},
): Promise<{ reference: string; orderNumber: string }> {
  const response = await fetch(`${appUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items }),
  });
  expect(response.status).toBe(201);
  const { reference, orderNumber } = (await response.json()) as { reference: string; orderNumber: string };
  await sim.approve(reference);
  await expect
    .poll(async () => (await (await fetch(`${appUrl}/api/payments/${reference}`)).json()) as { outcome: string }, {
      timeout: 30_000, // a loaded machine: the webhook or the return poll may take a while
    })
    .toMatchObject({ outcome: 'paid' });
  return { reference, orderNumber };
}
