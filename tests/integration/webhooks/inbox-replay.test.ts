// A genuinely signed delivery replayed (by Vipps redelivering, or by whoever captured one) while its date is still
// inside the signature window: one inbox row, the repeats counted on it. In its own file because the replays keep
// the simulator's connection idle for seconds, which the next test's harness reset does not survive (ECONNRESET).
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { leases, webhookDeliveries, webhookEvents, webhookRegistrations } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { receiveWebhook } from '@/lib/server/webhooks/receive';
import { ensureWebhookRegistered } from '@/lib/server/webhooks/registration';
import { newCheckoutKey, setUpOrdersWorld } from '../orders/support';
import { ePaymentEvent, signedDelivery } from '../support/signed-delivery';

const getWorld = setUpOrdersWorld(async (w) => {
  await w.handle.db.delete(webhookRegistrations);
  await w.handle.db.delete(webhookDeliveries);
  await w.handle.db.delete(leases);
});
const db = () => getWorld().handle.db;
const deps = () => getWorld().deps();

async function registeredSecret(): Promise<string> {
  expect(await ensureWebhookRegistered(deps())).toBe('registered');
  const [row] = await db().select().from(webhookRegistrations);
  return row!.secret;
}

const checkout = async () =>
  (await startCheckout(deps(), { checkoutKey: newCheckoutKey(), items: [{ sku: 'aurora-print', quantity: 1 }] }))
    .reference;

it('a genuinely signed delivery replayed 1000 times inside its date window stores one row, counting 999 repeats', async () => {
  const secret = await registeredSecret();
  const reference = await checkout();
  const incoming = signedDelivery(secret, ePaymentEvent(reference));
  const answers = [];
  for (let i = 0; i < 1000; i++) answers.push(await receiveWebhook(deps(), incoming));
  expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
  const rows = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.reference, reference));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ verified: true, refusalReason: null, duplicate: false, duplicateCount: 999 });
  expect(new Set(answers.map((a) => a.deliveryId))).toEqual(new Set([rows[0]!.id]));
  expect(await db().select().from(webhookEvents).where(eq(webhookEvents.reference, reference))).toHaveLength(1);
}, 120_000); // 1000 receives take ~10 s here alone; generous for a loaded 2-core machine
