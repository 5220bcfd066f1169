import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { leases, paymentOperations, payments, webhookEvents, webhookRegistrations } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import { reconcileOnce } from '@/lib/server/orders/reconcile';
import { processWebhookEvent, receiveWebhook } from '@/lib/server/webhooks/receive';
import { ensureWebhookRegistered } from '@/lib/server/webhooks/registration';
import { SHOP_URL, ePaymentEvent, signedDelivery } from '../support/signed-delivery';
import { IMPATIENT, newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld(async (w) => {
  await w.handle.db.delete(webhookRegistrations);
  await w.handle.db.delete(leases);
});

const checkout = () =>
  startCheckout(getWorld().deps(), { checkoutKey: newCheckoutKey(), items: [{ sku: 'aurora-print', quantity: 1 }] });

async function registeredSecret(): Promise<string> {
  expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
  const [row] = await getWorld().handle.db.select().from(webhookRegistrations);
  return row!.secret;
}

describe('webhook registration', () => {
  it('registers once, keeps a registration Vipps still lists, and registers again when it is gone', async () => {
    expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
    expect(await ensureWebhookRegistered(getWorld().deps())).toBe('kept');
    const listed = await getWorld().deps().vipps.listWebhooks();
    expect(listed.map((w) => w.url)).toEqual([`${SHOP_URL}/api/webhooks/vipps`]);
    await getWorld().harness.reset(); // e.g. the simulator restarted
    expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
  });

  it('logs and carries on when Vipps cannot be reached', async () => {
    const unreachable = { ...getWorld().deps({ baseUrl: 'http://127.0.0.1:1', retryDeadlineMs: 1_000 }) };
    expect(await ensureWebhookRegistered(unreachable)).toBe('failed');
  });
});

describe('webhook receiver', () => {
  it('stores a verified event once and then reads the payment from Vipps', async () => {
    const secret = await registeredSecret();
    const { reference } = await checkout();
    await getWorld().harness.sim.approve(reference);
    const incoming = signedDelivery(secret, ePaymentEvent(reference));
    const first = await receiveWebhook(getWorld().deps(), incoming);
    expect(first.duplicate).toBe(false);
    expect(await receiveWebhook(getWorld().deps(), incoming)).toMatchObject({
      eventId: first.eventId,
      duplicate: true,
    });
    expect(await processWebhookEvent(getWorld().deps(), first)).toBe('synced');
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.vippsState).toBe('AUTHORIZED');
  });

  it('a late or out-of-order event changes nothing that is already right', async () => {
    const secret = await registeredSecret();
    const { reference } = await checkout();
    await getWorld().harness.sim.approve(reference);
    const authorized = await receiveWebhook(getWorld().deps(), signedDelivery(secret, ePaymentEvent(reference)));
    await processWebhookEvent(getWorld().deps(), authorized);
    // A CREATED event arriving after AUTHORIZED: still only a signal to read the payment, which is AUTHORIZED.
    const late = await receiveWebhook(getWorld().deps(), signedDelivery(secret, ePaymentEvent(reference, 'CREATED')));
    await processWebhookEvent(getWorld().deps(), late);
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.vippsState).toBe('AUTHORIZED');
  });

  it.each([
    ['a wrong secret', (s: string, r: string) => signedDelivery(`${s}x`, ePaymentEvent(r))],
    [
      'a stale x-ms-date',
      (s: string, r: string) => signedDelivery(s, ePaymentEvent(r), { date: new Date(Date.now() - 10 * 60_000) }),
    ],
    [
      'a future x-ms-date',
      (s: string, r: string) => signedDelivery(s, ePaymentEvent(r), { date: new Date(Date.now() + 10 * 60_000) }),
    ],
    [
      'another host',
      (s: string, r: string) => signedDelivery(s, ePaymentEvent(r), { url: 'http://evil.example/api/webhooks/vipps' }),
    ],
    [
      'a wrong signature (the right headers, the signature of another body)',
      (s: string, r: string) => {
        const genuine = signedDelivery(s, ePaymentEvent(r));
        const other = signedDelivery(s, ePaymentEvent(r, 'CAPTURED'));
        return {
          ...genuine,
          headers: new Headers({
            ...Object.fromEntries(genuine.headers),
            authorization: other.headers.get('authorization')!,
          }),
        };
      },
    ],
    [
      'a signature that is not one',
      (s: string, r: string) => {
        const genuine = signedDelivery(s, ePaymentEvent(r));
        genuine.headers.set('authorization', 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=');
        return genuine;
      },
    ],
    [
      'an altered body',
      (s: string, r: string) => ({
        ...signedDelivery(s, ePaymentEvent(r)),
        rawBody: JSON.stringify({ ...ePaymentEvent(r), amount: 1 }),
      }),
    ],
  ])('refuses %s with 401 and changes nothing', async (_what, make) => {
    const secret = await registeredSecret();
    const { reference } = await checkout();
    // Approved at Vipps: a delivery that got through would move the payment on once processed.
    await getWorld().harness.sim.approve(reference);
    const state = async () => ({
      events: await getWorld().handle.db.select().from(webhookEvents),
      payments: await getWorld().handle.db.select().from(payments),
    });
    const before = await state();
    await expect(receiveWebhook(getWorld().deps(), make(secret, reference))).rejects.toMatchObject({ status: 401 });
    expect(await state()).toEqual(before);
  });

  it('refuses every delivery while there is no registration', async () => {
    const { reference } = await checkout();
    await expect(
      receiveWebhook(getWorld().deps(), signedDelivery('any', ePaymentEvent(reference))),
    ).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe('reconciler', () => {
  const options = { minAgeSeconds: 0, leaseSeconds: 30, batchSize: 100, stalePendingSeconds: 60 };

  it('settles a payment nobody polled and no webhook reported', async () => {
    const { reference } = await checkout();
    await getWorld().harness.sim.approve(reference);
    const result = await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    // Payments of earlier tests are unknown to the reset simulator and fail; this one must be settled.
    expect(result).toMatchObject({ swept: true });
    expect(result.synced).toBeGreaterThanOrEqual(1);
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.vippsState).toBe('AUTHORIZED');
  });

  it('sends a create whose outcome was unknown again, with the same key', async () => {
    await getWorld().harness.sim.faults.add({ operation: 'create', kind: 'drop-after-commit', count: 50 });
    const impatient = getWorld().deps(IMPATIENT);
    const key = newCheckoutKey();
    await expect(
      startCheckout(impatient, { checkoutKey: key, items: [{ sku: 'fjord-mug', quantity: 1 }] }),
    ).rejects.toThrow();
    await getWorld().harness.sim.faults.clear();
    const result = await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    expect(result.created).toBe(1);
    const open = await getWorld()
      .handle.db.select()
      .from(payments)
      .where(sql`${payments.redirectUrl} is null`);
    expect(open).toEqual([]);
  });

  it('marks a payment Vipps does not know (e.g. after a simulator restart) as needing attention, once', async () => {
    const { reference } = await checkout();
    await getWorld().harness.reset(); // the simulator forgot every payment
    await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    const [payment] = await getWorld().handle.db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.attentionReason).toContain('404');
    const calls = getWorld().harness.attemptsOf('getPayment', reference).length;
    await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    expect(getWorld().harness.attemptsOf('getPayment', reference)).toHaveLength(calls);
  });

  it('sweeps on one instance at a time', async () => {
    expect((await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' })).swept).toBe(true);
    expect((await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-b' })).swept).toBe(false);
    expect((await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' })).swept).toBe(true);
    await getWorld()
      .handle.db.update(leases)
      .set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-b' })).swept).toBe(true);
  });

  it('settles captures left pending by a request that died with the app, from the event log, but not fresh ones', async () => {
    const { reference } = await checkout();
    await getWorld().harness.sim.approve(reference);
    await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    const db = getWorld().handle.db;
    const pending = (key: string, amountOre: number) => ({
      reference,
      kind: 'capture',
      idempotencyKey: key,
      amountOre,
      status: 'pending',
      requestedBy: 'op@shop.no',
    });
    // Reached Vipps, then the app stopped before it recorded the answer:
    await getWorld()
      .deps()
      .vipps.capturePayment(reference, { currency: 'NOK', value: 1000 }, { idempotencyKey: 'capture-died-after' });
    await db
      .insert(paymentOperations)
      .values([
        { ...pending('capture-died-after', 1000), createdAt: sql`now() - interval '2 minutes'` },
        { ...pending('capture-died-before', 2000), createdAt: sql`now() - interval '2 minutes'` },
        pending('capture-still-running', 3000),
      ]);
    const result = await reconcileOnce(getWorld().deps(), { ...options, holder: 'instance-a' });
    expect(result.settled).toBe(2);
    const rows = await db.select().from(paymentOperations).where(eq(paymentOperations.reference, reference));
    const statusOf = (key: string) => rows.find((r) => r.idempotencyKey === key)?.status;
    expect(statusOf('capture-died-after')).toBe('succeeded');
    expect(statusOf('capture-died-before')).toBe('rejected');
    expect(statusOf('capture-still-running')).toBe('pending');
    const [payment] = await db.select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.capturedOre).toBe(1000);
  });
});
