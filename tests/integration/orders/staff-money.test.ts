// The staff side of money moves (lib/server/orders/staff-money.ts): what the admin API answers, the lost
// response retried with its key, "check with Vipps" with its guard and audit row, and the panel's figures.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders, paymentOperations, payments, staffActions } from '@/lib/server/db/schema';
import { ProblemError, problemFromError } from '@/lib/server/http/problem';
import { getOrderDetail } from '@/lib/server/orders/admin-order';
import {
  auditForbiddenCheck,
  auditForbiddenStaffAction,
  checkOperationForStaff,
  moneyPanelFor,
  moveMoneyForStaff,
} from '@/lib/server/orders/staff-money';
import { syncPayment } from '@/lib/server/orders/sync';
import { isVippsError } from '@/lib/server/vipps/errors';
import { RESERVED_TOTAL_ORE as TOTAL, reserveOrder } from '../../support/reserved';
import { IMPATIENT, setUpOrdersWorld } from './support';

const getWorld = setUpOrdersWorld();
const STAFF = 'op@shop.no';

const reserved = async () => (await reserveOrder(getWorld())).reference;
const move = (reference: string, kind: 'capture' | 'refund' | 'cancel', amountOre?: number, deps = getWorld().deps()) =>
  moveMoneyForStaff(deps, { reference, kind, amountOre, staffEmail: STAFF });
const orderNumberOf = async (reference: string) =>
  (
    await getWorld()
      .handle.db.select({ orderNumber: orders.orderNumber })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(eq(payments.reference, reference))
  )[0];
const panel = (reference: string) => moneyPanelFor(getWorld().handle.db, reference, true);
const captures = async (reference: string) =>
  (await getWorld().harness.sim.payment(reference)).events.filter((e) => e.name === 'CAPTURED');

describe('staff money moves', () => {
  it('a response lost after Vipps committed is retried with the same key: one capture', async () => {
    const reference = await reserved();
    await getWorld().harness.sim.faults.add({ operation: 'capture', reference, kind: 'drop-after-commit', count: 1 });
    expect(await move(reference, 'capture', 25000)).toMatchObject({ status: 'succeeded', amountOre: 25000 });
    const keys = getWorld()
      .harness.attemptsOf('capturePayment', reference)
      .map((a) => a.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(await captures(reference)).toHaveLength(1);
    expect(await panel(reference)).toMatchObject({ capturedOre: 25000, capturableOre: TOTAL - 25000 });
  });

  it('two full captures at once: one succeeds, the other gets 409 saying why', async () => {
    const reference = await reserved();
    const results = await Promise.allSettled([move(reference, 'capture', TOTAL), move(reference, 'capture', TOTAL)]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value.status)).toEqual(['succeeded']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({
      status: 409,
      code: 'conflict',
      detail: expect.stringContaining('Nothing is left to capture') as unknown,
    });
    expect(await captures(reference)).toHaveLength(1);
  });

  it("a Vipps refusal comes back as data with Vipps' code and title, and nothing else of its answer", async () => {
    const reference = await reserved();
    await move(reference, 'capture', 100); // our ledger now holds the reservation as AUTHORIZED
    // Someone captured straight at Vipps: our ledger still thinks the rest is reserved.
    await getWorld()
      .harness.newClient()
      .capturePayment(reference, { currency: 'NOK', value: 100 }, { idempotencyKey: `outside-${reference}` });
    const result = await move(reference, 'capture', TOTAL - 100);
    expect(result).toEqual({
      operationId: expect.any(Number) as unknown,
      status: 'rejected',
      amountOre: TOTAL - 100,
      vippsCode: '6090',
      vippsTitle: expect.any(String) as unknown,
    });
  });

  it('rate limited at Vipps: a 503 problem that says nothing changed, and the money is free again', async () => {
    const reference = await reserved();
    await getWorld().harness.sim.faults.add({
      operation: 'capture',
      reference,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      count: 10,
    });
    // Not an answer to return: the typed error is thrown on, for the route's one error table to map.
    const error = await move(reference, 'capture', 5000, getWorld().deps(IMPATIENT)).catch((e: unknown) => e);
    expect(isVippsError(error, 'not-performed')).toBe(true);
    expect(problemFromError(error)).toMatchObject({ status: 503, code: 'vipps_unavailable' });
    expect(await panel(reference)).toMatchObject({ capturableOre: TOTAL, unknownOperations: [] });
    const audit = await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference));
    expect(audit.map((a) => [a.action, a.result])).toEqual([['capture', 'rejected']]);
  });

  it('credentials Vipps refuses: a 502 problem through the one table, the operation closed, not "unknown"', async () => {
    const reference = await reserved();
    await syncPayment(getWorld().deps(), reference); // our ledger holds the reservation before the keys go bad
    const error = await move(reference, 'capture', 5000, getWorld().deps({ clientSecret: 'not-the-secret' })).catch(
      (e: unknown) => e,
    );
    expect(isVippsError(error, 'auth')).toBe(true);
    expect(problemFromError(error)).toMatchObject({ status: 502, code: 'vipps_unavailable' });
    expect(await panel(reference)).toMatchObject({ capturableOre: TOTAL, unknownOperations: [] });
    const audit = await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference));
    expect(audit.map((a) => [a.action, a.result])).toEqual([['capture', 'rejected']]);
  });

  it('an unknown outcome is a 200 the panel offers to check; checking settles it and logs who asked', async () => {
    const reference = await reserved();
    await getWorld().harness.sim.faults.add({ operation: 'capture', reference, kind: 'drop-after-commit', count: 50 });
    const result = await move(reference, 'capture', 7000, getWorld().deps(IMPATIENT));
    expect(result).toMatchObject({ status: 'unknown', amountOre: 7000, vippsCode: null, vippsTitle: null });
    const before = await panel(reference);
    expect(before.unknownOperations).toEqual([
      expect.objectContaining({ id: result.operationId, kind: 'capture', amountOre: 7000 }),
    ]);
    expect(before).toMatchObject({ capturableOre: TOTAL - 7000, cancellable: false });

    await getWorld().harness.sim.faults.clear();
    const checked = await checkOperationForStaff(getWorld().deps(), {
      operationId: result.operationId,
      staffEmail: STAFF,
    });
    expect(checked).toMatchObject({ status: 'succeeded', amountOre: 7000 });
    expect(await panel(reference)).toMatchObject({
      capturedOre: 7000,
      capturableOre: TOTAL - 7000,
      unknownOperations: [],
    });
    const audit = await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference));
    expect(audit.map((a) => [a.action, a.result])).toEqual([
      ['capture', 'unknown'],
      ['check_with_vipps', 'succeeded'],
    ]);
    // Asking again changes nothing and logs nothing.
    await checkOperationForStaff(getWorld().deps(), { operationId: result.operationId, staffEmail: STAFF });
    expect(
      await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference)),
    ).toHaveLength(2);
  });

  it('does not check an operation that is still waiting for its answer, nor one that is not a money move', async () => {
    const reference = await reserved();
    const [pending] = await getWorld()
      .handle.db.insert(paymentOperations)
      .values({
        reference,
        kind: 'capture',
        idempotencyKey: `capture-${reference}-x`,
        amountOre: 100,
        status: 'pending',
        requestedBy: STAFF,
      })
      .returning();
    await expect(
      checkOperationForStaff(getWorld().deps(), { operationId: pending!.id, staffEmail: STAFF }),
    ).rejects.toMatchObject({ status: 409, title: 'Still running' });
    // Refused by our own guard: in the audit log all the same, with the reason.
    expect(await getWorld().handle.db.select().from(staffActions).where(eq(staffActions.reference, reference))).toEqual(
      [
        expect.objectContaining({
          action: 'check_with_vipps',
          result: 'refused',
          reason: expect.stringContaining('Still running') as unknown,
        }),
      ],
    );
    const [create] = await getWorld()
      .handle.db.select()
      .from(paymentOperations)
      .where(eq(paymentOperations.kind, 'create'));
    await expect(
      checkOperationForStaff(getWorld().deps(), { operationId: create!.id, staffEmail: STAFF }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('the panel offers cancel after a partial capture and explains why not after a full one', async () => {
    const reference = await reserved();
    await move(reference, 'capture', 25000);
    expect(await panel(reference)).toMatchObject({
      authorizedOre: TOTAL,
      capturedOre: 25000,
      capturableOre: TOTAL - 25000,
      refundableOre: 25000,
      cancellable: true,
      cancelBlockedBy: null,
    });
    await move(reference, 'capture');
    expect(await panel(reference)).toMatchObject({
      capturableOre: 0,
      cancellable: false,
      cancelBlockedBy: expect.stringContaining('Refund instead') as unknown,
    });
  });

  it('refusals by our own checks leave a trace: 19 captures above what is capturable, a refund of nothing, a cancel after a full capture', async () => {
    const reference = await reserved();
    for (let i = 0; i < 19; i++) {
      await expect(move(reference, 'capture', TOTAL + 1 + i)).rejects.toMatchObject({ status: 409 });
    }
    await expect(move(reference, 'refund', 100)).rejects.toMatchObject({ status: 409 });
    await move(reference, 'capture');
    await expect(move(reference, 'cancel')).rejects.toMatchObject({ status: 409 });
    const logged = await getWorld()
      .handle.db.select()
      .from(staffActions)
      .where(eq(staffActions.reference, reference))
      .orderBy(staffActions.id);
    const refused = logged.filter((a) => a.result === 'refused');
    expect(refused.map((a) => a.action)).toEqual([...Array<string>(19).fill('capture'), 'refund', 'cancel']);
    expect(refused[0]).toMatchObject({ staffEmail: STAFF, amountOre: TOTAL + 1, operationId: null });
    expect(refused.every((a) => a.reason !== null && a.reason.startsWith('Cannot '))).toBe(true);
    // Nothing reached Vipps for them: the one capture that passed the checks is the only one there.
    expect(await captures(reference)).toHaveLength(1);
    // And the order page's staff log shows them, with the reason.
    const { orderNumber } = (await orderNumberOf(reference))!;
    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: true });
    expect(detail.staffActions.filter((a) => a.result === 'refused')).toHaveLength(21);
    expect(detail.staffActions[0]!.reason).toMatch(/^Cannot capture/);
  });

  it("a viewer's refused capture, cancel and check with Vipps are audited as refused, with the reason; nothing moves", async () => {
    const reference = await reserved();
    const db = getWorld().handle.db;
    const before = await panel(reference);
    const VIEWER = 'view@shop.no';
    // What requireStaff throws (and hands to onForbidden) for a viewer.
    const forbidden = new ProblemError({
      status: 403,
      code: 'forbidden',
      title: 'Not allowed',
      detail: 'This needs the operator role; you are signed in as viewer.',
    });
    await auditForbiddenStaffAction(db, { action: 'capture', reference, staffEmail: VIEWER }, forbidden);
    await auditForbiddenStaffAction(db, { action: 'cancel', reference, staffEmail: VIEWER }, forbidden);
    const [create] = await db.select().from(paymentOperations).where(eq(paymentOperations.reference, reference));
    await auditForbiddenCheck(db, { operationId: create!.id, staffEmail: VIEWER }, forbidden);
    // References and operations that are not ours leave no row: there is no order page to show it on.
    await auditForbiddenStaffAction(
      db,
      { action: 'refund', reference: 'fb-999999-1-nothere', staffEmail: VIEWER },
      forbidden,
    );
    await auditForbiddenCheck(db, { operationId: 2_000_000_000, staffEmail: VIEWER }, forbidden);

    const { orderNumber } = (await orderNumberOf(reference))!;
    const detail = await getOrderDetail(getWorld().deps(), orderNumber, { canMoveMoney: false });
    expect(detail.staffActions.map((a) => [a.action, a.staffEmail, a.result, a.reason])).toEqual(
      ['capture', 'cancel', 'check_with_vipps'].map((action) => [
        action,
        VIEWER,
        'refused',
        'Not allowed: This needs the operator role; you are signed in as viewer.',
      ]),
    );
    const strays = await db.select().from(staffActions).where(eq(staffActions.reference, 'fb-999999-1-nothere'));
    expect(strays).toEqual([]);
    expect(await captures(reference)).toHaveLength(0);
    expect(await panel(reference)).toEqual(before);
  });
});
