import { describe, expect, it } from 'vitest';
import { paymentOperations, staffActions, webhookEvents } from '@/lib/server/db/schema';
import { getOrderDetail } from '@/lib/server/orders/admin-order';
import { startCheckout } from '@/lib/server/orders/checkout';
import { abandonedAfterSeconds } from '@/lib/server/orders/money-panel';
import { moveMoney } from '@/lib/server/orders/move-money';
import { moneyPanelFor } from '@/lib/server/orders/staff-money';
import { newCheckoutKey, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();
const STAFF = 'op@shop.no';
const TOTAL = 44900;

/** A real order, reserved in the simulator, with a partial capture by staff and one webhook received. */
async function capturedOrder() {
  const deps = getWorld().deps();
  const started = await startCheckout(deps, {
    checkoutKey: newCheckoutKey(),
    items: [{ sku: 'aurora-print', quantity: 1 }],
    phoneNumber: '4791234567',
  });
  await getWorld().harness.sim.approve(started.reference);
  const capture = await moveMoney(deps, {
    reference: started.reference,
    kind: 'capture',
    amountOre: 10_000,
    staffEmail: STAFF,
    note: 'first parcel',
  });
  expect(capture.status).toBe('succeeded');
  await getWorld()
    .handle.db.insert(webhookEvents)
    .values({
      eventKey: `test-${started.reference}-CAPTURED`,
      reference: started.reference,
      name: 'CAPTURED',
      pspReference: 'psp-1',
      body: { reference: started.reference, name: 'CAPTURED', amount: { currency: 'NOK', value: 10_000 } },
      result: 'synced',
    });
  return started;
}

describe('getOrderDetail', () => {
  it('shows the same money panel as the panel API, with unknown and abandoned pending operations', async () => {
    const { orderNumber, reference } = await capturedOrder();
    const threshold = abandonedAfterSeconds(); // 40 s with the default 30 s retry deadline
    const pending = (seconds: number, kind = 'capture') => ({
      reference,
      kind,
      idempotencyKey: `${kind}-${reference}-${seconds}`,
      amountOre: 1_000,
      status: 'pending',
      requestedBy: STAFF,
      createdAt: new Date(Date.now() - seconds * 1000),
    });
    const [abandoned, running, unknown] = await getWorld()
      .handle.db.insert(paymentOperations)
      .values([pending(threshold + 20), pending(5), { ...pending(1, 'refund'), status: 'unknown' }])
      .returning();

    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: true });
    const money = detail.payments[0]!.money;

    expect(money.unknownOperations.map((o) => o.id)).toEqual([abandoned!.id, unknown!.id]);
    expect(money.unknownOperations.map((o) => o.id)).not.toContain(running!.id);
    expect(money).toEqual(await moneyPanelFor(getWorld().handle.db, reference, true));
  });

  it('merges our operations, Vipps’ event log and webhooks into one timeline, newest last', async () => {
    const { orderNumber, reference } = await capturedOrder();
    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: true });

    const times = detail.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(detail.timeline.map((e) => [e.source, e.title])).toEqual([
      ['shop', 'Order placed'],
      ['shop', 'Create payment'],
      ['vipps', 'CREATED'],
      ['vipps', 'AUTHORIZED'],
      ['staff', 'Capture'],
      ['vipps', 'CAPTURED'],
      ['webhook', 'CAPTURED'],
    ]);
    const ourCapture = detail.timeline.find((e) => e.source === 'staff')!;
    expect(ourCapture).toMatchObject({
      reference,
      amountOre: 10_000,
      actor: STAFF,
      outcome: 'succeeded',
      detail: 'Note: first parcel',
      idempotencyKey: expect.stringMatching(/^capture-/) as unknown,
    });
    // Vipps echoes our Idempotency-Key in its event log (BRIEF §6): the two entries tell one story.
    const vippsCapture = detail.timeline.find((e) => e.source === 'vipps' && e.title === 'CAPTURED');
    expect(vippsCapture).toMatchObject({ idempotencyKey: ourCapture.idempotencyKey, outcome: 'success' });
    expect(detail.timeline.at(-1)).toMatchObject({ source: 'webhook', amountOre: 10_000, outcome: 'synced' });
    expect(detail.eventLogUnavailable).toEqual([]);
  });

  it('gives lines, totals, each attempt’s money panel and the staff audit log', async () => {
    const { orderNumber, reference } = await capturedOrder();
    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: false });
    expect(detail).toMatchObject({
      orderNumber,
      status: 'partly_captured',
      totalOre: TOTAL,
      phoneNumber: '4791234567',
    });
    expect(detail.lines).toEqual([expect.objectContaining({ sku: 'aurora-print', quantity: 1, totalOre: TOTAL })]);
    expect(detail.vatOre).toBeGreaterThan(0);
    expect(detail.payments).toHaveLength(1);
    expect(detail.payments[0]!.money).toEqual({
      reference,
      currency: 'NOK',
      authorizedOre: TOTAL,
      capturedOre: 10_000,
      refundedOre: 0,
      cancelledOre: 0,
      capturableOre: TOTAL - 10_000,
      refundableOre: 10_000,
      cancellable: true,
      cancelBlockedBy: null,
      unknownOperations: [],
      canMoveMoney: false,
    });
    expect(detail.staffActions).toEqual([
      expect.objectContaining({ staffEmail: STAFF, action: 'capture', amountOre: 10_000, note: 'first parcel' }),
    ]);
    expect(detail.staffActions[0]!.result).toBe('succeeded');
  });

  it('shows a staff action that is not an operation (e.g. "check with Vipps") in the timeline too', async () => {
    const { orderNumber, reference } = await capturedOrder();
    await getWorld()
      .handle.db.insert(staffActions)
      .values({ staffEmail: STAFF, action: 'settle', reference, result: 'succeeded', note: 'asked Vipps' });
    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: true });
    expect(detail.timeline.filter((e) => e.source === 'staff').map((e) => e.title)).toEqual(['Capture', 'settle']);
    expect(detail.staffActions.map((a) => a.action)).toEqual(['capture', 'settle']);
  });

  it('still answers, with a note, when Vipps’ event log cannot be read', async () => {
    const { orderNumber, reference } = await capturedOrder();
    const deps = getWorld().deps();
    const broken = {
      ...deps,
      vipps: { ...deps.vipps, getPaymentEvents: () => Promise.reject(new Error('Vipps is down')) },
    };
    const detail = await getOrderDetail(broken, orderNumber, { canMoveMoney: true });
    expect(detail.eventLogUnavailable).toEqual([reference]);
    expect(detail.timeline.some((e) => e.source === 'vipps')).toBe(false);
    expect(detail.timeline.map((e) => e.source)).toEqual(['shop', 'shop', 'staff', 'webhook']);
  });

  it('is a 404 problem for an order number we do not have', async () => {
    await expect(getOrderDetail(getWorld().deps(), 'FB-999999', { canMoveMoney: true })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it.each(['FB-100001\u0000', '\u0000', 'FB-\uD800'])(
    'is a 404 problem, not a failed query, for the order number %j (from a URL)',
    async (orderNumber) => {
      await expect(getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: true })).rejects.toMatchObject({
        status: 404,
        code: 'not_found',
      });
    },
  );
});
