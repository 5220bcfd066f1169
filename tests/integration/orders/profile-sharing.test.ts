import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { orderListQuerySchema } from '@/lib/admin-api';
import { PROFILE_SCOPE } from '@/lib/shop-api';
import { leases, paymentOperations, paymentProfiles, payments, webhookRegistrations } from '@/lib/server/db/schema';
import { listOrders } from '@/lib/server/orders/admin-list';
import { getOrderDetail } from '@/lib/server/orders/admin-order';
import { moveMoney } from '@/lib/server/orders/move-money';
import { eraseSharedProfiles } from '@/lib/server/orders/profile-retention';
import { reconcileOnce } from '@/lib/server/orders/reconcile';
import { retryPayment } from '@/lib/server/orders/retry';
import { getPaymentStatus } from '@/lib/server/orders/status';
import { syncPayment } from '@/lib/server/orders/sync';
import { ordersCsv } from '@/lib/server/reports/csv-exports';
import { VippsOutcomeUnknownError, VippsRejectedError } from '@/lib/server/vipps/errors';
import { processWebhookEvent, receiveWebhook } from '@/lib/server/webhooks/receive';
import { ensureWebhookRegistered } from '@/lib/server/webhooks/registration';
import { DRIVERS } from '../db-drivers';
import { ePaymentEvent, signedDelivery } from '../support/signed-delivery';
import { depsWith, fakeUserinfo, profileRow, sharingCheckout } from './profile-support';
import { setUpOrdersWorld } from './support';

const SWEEP = { minAgeSeconds: 0, leaseSeconds: 30, batchSize: 100, stalePendingSeconds: 60, holder: 'instance-a' };
const DAY_MS = 86_400_000;
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

describe.each(DRIVERS)('profile sharing on $name', ({ open }) => {
  const getWorld = setUpOrdersWorld(async (w) => {
    await w.handle.db.delete(leases);
    await w.handle.db.delete(webhookRegistrations);
  }, open);
  const db = () => getWorld().handle.db;
  const createBodyOf = async (reference: string) => {
    const [op] = await db().select().from(paymentOperations).where(eq(paymentOperations.reference, reference));
    return JSON.parse(op!.requestBody!) as { profile?: { scope: string } };
  };

  it('checkout with the choice sends PROFILE_SCOPE and keeps it with the payment; without it, nothing is asked', async () => {
    const deps = depsWith(getWorld(), fakeUserinfo());
    const sharing = await sharingCheckout(deps);
    expect((await createBodyOf(sharing.reference)).profile).toEqual({ scope: PROFILE_SCOPE });
    expect(await profileRow(getWorld(), sharing.reference)).toMatchObject({ scope: PROFILE_SCOPE, status: 'waiting' });

    const plain = await sharingCheckout(deps, false);
    expect(await createBodyOf(plain.reference)).not.toHaveProperty('profile');
    expect(await profileRow(getWorld(), plain.reference)).toBeUndefined();
    await getWorld().harness.sim.approve(plain.reference);
    const status = await getPaymentStatus(deps, plain.reference);
    expect(status).toMatchObject({ outcome: 'paid', shopper: null });
  });

  it("paying again after aborting keeps the order's choice", async () => {
    const deps = depsWith(getWorld(), fakeUserinfo());
    const first = await sharingCheckout(deps);
    await getWorld().harness.sim.reject(first.reference);
    await syncPayment(deps, first.reference);
    const again = await retryPayment(deps, first.reference);
    expect((await createBodyOf(again.reference)).profile).toEqual({ scope: PROFILE_SCOPE });
    expect(await profileRow(getWorld(), again.reference)).toMatchObject({ scope: PROFILE_SCOPE, status: 'waiting' });
  });

  it('makes exactly one userinfo call when a poll, webhooks and the reconciler on two instances see the approval at once', async () => {
    const fake = fakeUserinfo();
    fake.delayMs = 300;
    const [a, b] = [depsWith(getWorld(), fake), depsWith(getWorld(), fake)];
    expect(await ensureWebhookRegistered(a)).toBe('registered');
    const [registration] = await db().select().from(webhookRegistrations);
    const { reference } = await sharingCheckout(a);
    await getWorld().harness.sim.approve(reference);
    const delivered = await receiveWebhook(b, signedDelivery(registration!.secret, ePaymentEvent(reference)));

    const signals = await Promise.allSettled([
      getPaymentStatus(a, reference),
      processWebhookEvent(b, delivered),
      syncPayment(a, reference),
      syncPayment(b, reference),
      reconcileOnce(b, SWEEP),
    ]);
    expect(signals.map((s) => s.status)).toEqual(Array(5).fill('fulfilled'));
    expect(signals[1]).toMatchObject({ value: 'synced' });
    expect(fake.calls).toHaveLength(1);
    const row = await profileRow(getWorld(), reference);
    expect(row).toMatchObject({ status: 'fetched', attempts: 1, lastError: null });
    expect(row!.sub).toBe(fake.calls[0]);
    // Later signals find it fetched and ask no more.
    await syncPayment(a, reference);
    await reconcileOnce(a, SWEEP);
    expect(fake.calls).toHaveLength(1);

    const status = await getPaymentStatus(a, reference);
    expect(status.outcome).toBe('paid');
    expect(status.shopper).toMatchObject({
      status: 'ready',
      givenName: 'Kari',
      deliveryAddress: { postalCode: '0155', region: 'Oslo', country: 'NO', formatted: null },
    });
    expect(status.shopper?.name).toMatch(/^Kari Nordmann /);
  });

  it('the return page fetches it itself when a webhook applied the approval but its fetch never ran', async () => {
    const fake = fakeUserinfo();
    const deps = depsWith(getWorld(), fake);
    const { reference } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);
    // As if the instance that read the approval stopped right after keeping the sub.
    const stalled = {
      ...deps,
      vipps: { ...deps.vipps, getUserinfo: () => new Promise<never>(() => {}) },
    };
    await syncPayment({ ...stalled }, reference).catch(() => undefined);
    await db()
      .update(paymentProfiles)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(paymentProfiles.reference, reference));
    const status = await getPaymentStatus(deps, reference);
    expect(status.shopper?.status).toBe('ready');
    expect(fake.calls).toHaveLength(1);
  }, 20_000);

  it('a failed fetch never fails the payment: shown as retrying with a reason, then fetched by the reconciler', async () => {
    const fake = fakeUserinfo();
    const answer = fake.answer;
    fake.answer = () =>
      Promise.reject(new VippsOutcomeUnknownError({ operation: 'getUserinfo', reason: 'timeout', attempts: 3 }));
    const deps = depsWith(getWorld(), fake);
    const { reference, orderNumber } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);

    const status = await getPaymentStatus(deps, reference);
    expect(status).toMatchObject({ outcome: 'paid', shopper: { status: 'unavailable', name: null } });
    const [payment] = await db().select().from(payments).where(eq(payments.reference, reference));
    expect(payment?.vippsState).toBe('AUTHORIZED');
    const detail = await getOrderDetail(deps, orderNumber, { canMoveMoney: true });
    expect(detail.status).toBe('reserved');
    expect(detail.profile).toMatchObject({
      status: 'retrying',
      scope: PROFILE_SCOPE,
      attempts: 1,
      lastError: 'Vipps did not answer in time or failed',
      name: null,
    });

    // Not due yet: the sweep leaves it alone.
    await reconcileOnce(deps, SWEEP);
    expect(fake.calls).toHaveLength(1);
    await db()
      .update(paymentProfiles)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(paymentProfiles.reference, reference));
    fake.answer = answer;
    const sweep = await reconcileOnce(deps, SWEEP);
    expect(sweep.profiles).toBe(1);
    expect(fake.calls).toHaveLength(2);
    const fetched = await getOrderDetail(deps, orderNumber, { canMoveMoney: false });
    expect(fetched.profile).toMatchObject({ status: 'fetched', attempts: 2, lastError: null, givenName: 'Kari' });
    expect(fetched.profile?.email).toMatch(/@example\.no$/);
  });

  it('a 404 from Vipps (no longer served) ends as failed, and nobody asks again', async () => {
    const fake = fakeUserinfo();
    fake.answer = () => Promise.reject(new VippsRejectedError({ operation: 'getUserinfo', status: 404 }));
    const deps = depsWith(getWorld(), fake);
    const { reference, orderNumber } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);
    await syncPayment(deps, reference);
    await db()
      .update(paymentProfiles)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(paymentProfiles.reference, reference));
    await reconcileOnce(deps, SWEEP);
    await getPaymentStatus(deps, reference);
    expect(fake.calls).toHaveLength(1);
    const detail = await getOrderDetail(deps, orderNumber, { canMoveMoney: true });
    expect(detail.profile).toMatchObject({ status: 'failed', lastError: 'Vipps no longer serves this profile (404)' });
    expect((await getPaymentStatus(deps, reference)).shopper?.status).toBe('unavailable');
  });

  it('the reconciler reads an AUTHORIZED payment again when its sub was never kept', async () => {
    const fake = fakeUserinfo();
    const deps = depsWith(getWorld(), fake);
    const { reference } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);
    // The approval applied by a path that carried no sub (e.g. a crash between the two writes).
    await db()
      .update(payments)
      .set({ vippsState: 'AUTHORIZED', authorizedOre: 12_900 })
      .where(eq(payments.reference, reference));
    const sweep = await reconcileOnce(deps, SWEEP);
    expect(sweep.profiles).toBeGreaterThanOrEqual(1);
    expect(fake.calls).toHaveLength(1);
    expect(await profileRow(getWorld(), reference)).toMatchObject({ status: 'fetched' });
  });

  it('staff: the list shows the shared name, an e-mail finds the order, the CSV has name and e-mail for operators only', async () => {
    const fake = fakeUserinfo();
    const deps = depsWith(getWorld(), fake);
    const { reference, orderNumber } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);
    await syncPayment(deps, reference);
    const detail = await getOrderDetail(deps, orderNumber, { canMoveMoney: false });
    const { name, email } = detail.profile!;
    expect(name).toMatch(/^Kari Nordmann /);

    const search = (q: string) =>
      listOrders(db(), orderListQuerySchema.parse({ q }), { staleAfterDays: 7 }).then((r) => r.items);
    const found = await search(`  ${email!.toUpperCase()} `);
    expect(found.map((o) => o.orderNumber)).toEqual([orderNumber]);
    expect(found[0]?.customerName).toBe(name);
    expect(await search('nobody@example.no')).toEqual([]);
    expect((await search(orderNumber)).map((o) => o.orderNumber)).toEqual([orderNumber]);

    const row = (csv: string) => {
      const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
      const names = header!.split(',');
      const line = rows.find((r) => r.startsWith(`${orderNumber},`))!.split(',');
      return Object.fromEntries(names.map((n, i) => [n, line[i]]));
    };
    const forOperator = row(await ordersCsv(db(), { from: today, to: today }, { withContact: true }));
    expect(forOperator).toMatchObject({ customer_name: name, customer_email: email });
    const forViewer = await ordersCsv(db(), { from: today, to: today });
    expect(forViewer).not.toContain(email!);
    expect(forViewer).not.toContain(name!);
    expect(row(forViewer)).not.toHaveProperty('customer_name');
  });

  it('retention erases the claims after the window once the order settled, and leaves the money history', async () => {
    const deps = depsWith(getWorld(), fakeUserinfo());
    const settled = await sharingCheckout(deps);
    const reserved = await sharingCheckout(deps);
    for (const { reference } of [settled, reserved]) {
      await getWorld().harness.sim.approve(reference);
      await syncPayment(deps, reference);
    }
    await moveMoney(deps, { reference: settled.reference, kind: 'capture', staffEmail: 'op@shop.no' });
    const before = await getOrderDetail(deps, settled.orderNumber, { canMoveMoney: true });
    const eraseAfter = Date.parse(before.profile!.eraseAfter!);
    expect(Math.abs(eraseAfter - (Date.now() + 90 * DAY_MS))).toBeLessThan(60_000);
    expect((await getOrderDetail(deps, reserved.orderNumber, { canMoveMoney: true })).profile?.eraseAfter).toBeNull();

    const now = Date.now();
    await eraseSharedProfiles(db(), { retentionDays: 90, now: new Date(now + 89 * DAY_MS) });
    expect((await profileRow(getWorld(), settled.reference))?.status).toBe('fetched');
    await eraseSharedProfiles(db(), { retentionDays: 90, now: new Date(now + 91 * DAY_MS) });

    const erased = await profileRow(getWorld(), settled.reference);
    expect(erased).toMatchObject({ status: 'erased', claims: null, sub: null, emailSearch: null });
    expect(erased?.erasedAt).not.toBeNull();
    // Still holding money: not settled, so kept.
    expect((await profileRow(getWorld(), reserved.reference))?.status).toBe('fetched');

    const after = await getOrderDetail(deps, settled.orderNumber, { canMoveMoney: true });
    expect(after.profile).toMatchObject({ status: 'erased', name: null, email: null, address: null, eraseAfter: null });
    expect(after.status).toBe('captured');
    expect(after.lines).toEqual(before.lines);
    expect(after.payments.map((p) => p.money)).toEqual(before.payments.map((p) => p.money));
    const ops = await db()
      .select()
      .from(paymentOperations)
      .where(eq(paymentOperations.reference, settled.reference))
      .orderBy(paymentOperations.id);
    expect(ops.map((o) => [o.kind, o.status])).toEqual([
      ['create', 'succeeded'],
      ['capture', 'succeeded'],
    ]);
  });
});
