// The money handlers are thin: role first (a viewer learns nothing about the body), then zod, then one orders
// call with the staff member and exactly the fields the contract allows.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ current: null as null | { user?: { email?: string }; role?: string } }));
const orders = vi.hoisted(() => ({
  captureMoney: vi.fn(),
  refundMoney: vi.fn(),
  cancelReservation: vi.fn(),
  checkOperationWithVipps: vi.fn(),
}));
// requireStaff reads the session row and the account from the database; here they are whatever the test says.
vi.mock('@/lib/server/auth/current-staff', () => ({
  currentStaff: () =>
    Promise.resolve(
      session.current?.role && session.current.user?.email
        ? { email: session.current.user.email, role: session.current.role, sessionId: 1 }
        : undefined,
    ),
}));
// The refused-attempt audit: which hook each handler asked for, and what requireStaff handed it.
const audits = vi.hoisted(() => ({ made: [] as unknown[][], called: [] as unknown[][] }));
const hookFor =
  (...what: unknown[]) =>
  (staff: unknown, refusal: { status: number }) => {
    audits.called.push([...what, staff, refusal.status]);
    return Promise.resolve();
  };
vi.mock('@/lib/server/orders', () => ({
  ...orders,
  auditRefusedMove: (kind: string, reference: string) => (
    audits.made.push([kind, reference]),
    hookFor(kind, reference)
  ),
  auditRefusedCheck: (id: number) => (audits.made.push(['check', id]), hookFor('check', id)),
}));

const capture = await import('@/app/api/admin/payments/[reference]/capture/route');
const cancel = await import('@/app/api/admin/payments/[reference]/cancel/route');
const settle = await import('@/app/api/admin/operations/[id]/settle/route');

const OPERATOR = { user: { email: 'op@shop.no' }, role: 'operator' };
const REFERENCE = 'fb-100001-1-abcdef';
const ANSWER = { operationId: 7, status: 'succeeded', amountOre: 100, vippsCode: null, vippsTitle: null };
const post = (body: unknown) =>
  new Request('http://localhost/api/admin/x', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const ref = (reference = REFERENCE) => ({ params: Promise.resolve({ reference }) });

describe('admin money handlers', () => {
  beforeEach(() => {
    session.current = OPERATOR;
    for (const fn of Object.values(orders)) fn.mockReset().mockResolvedValue(ANSWER);
    audits.made = [];
    audits.called = [];
  });

  it('refuse signed-out staff with 401 and viewers with 403, before reading the body', async () => {
    session.current = null;
    expect((await capture.POST(post('not json'), ref())).status).toBe(401);
    session.current = { user: { email: 'view@shop.no' }, role: 'viewer' };
    for (const response of [
      await capture.POST(post('not json'), ref()),
      await cancel.POST(post({}), ref()),
      await settle.POST(post({}), { params: Promise.resolve({ id: '7' }) }),
    ]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(orders.captureMoney).not.toHaveBeenCalled();
  });

  it('hand each viewer refusal to the audit, for the move and the payment it was about', async () => {
    const viewer = { email: 'view@shop.no', role: 'viewer', sessionId: 1 };
    session.current = { user: { email: viewer.email }, role: 'viewer' };
    await capture.POST(post({ amountOre: 100 }), ref());
    await cancel.POST(post({}), ref());
    await settle.POST(post({}), { params: Promise.resolve({ id: '7' }) });
    expect(audits.called).toEqual([
      ['capture', REFERENCE, viewer, 403],
      ['cancel', REFERENCE, viewer, 403],
      ['check', 7, viewer, 403],
    ]);
    // An operator is let through: the hook is made but never called.
    session.current = OPERATOR;
    audits.called = [];
    expect((await capture.POST(post({}), ref())).status).toBe(200);
    expect(audits.called).toEqual([]);
  });

  it('pass the staff member, the amount and the note — nothing else from the browser', async () => {
    const response = await capture.POST(post({ amountOre: 25000, note: ' partial ', capturedOre: 0 }), ref());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(ANSWER);
    expect(orders.captureMoney).toHaveBeenCalledWith({
      reference: REFERENCE,
      staff: { email: 'op@shop.no', role: 'operator', sessionId: 1 },
      amountOre: 25000,
      note: 'partial',
    });
  });

  it('answer 400 for amounts that are not whole øre, and 404 for references that cannot be ours', async () => {
    for (const amountOre of [0, -5, 10.5, '100', 100_000_001]) {
      const response = await capture.POST(post({ amountOre }), ref());
      expect(response.status, String(amountOre)).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await capture.POST(post({}), ref('../x'))).status).toBe(404);
    expect(orders.captureMoney).not.toHaveBeenCalled();
  });

  it('settle only plain operation ids', async () => {
    for (const id of ['0', '-1', '1.5', 'abc', '99999999999']) {
      expect((await settle.POST(post({}), { params: Promise.resolve({ id }) })).status, id).toBe(404);
    }
    expect((await settle.POST(post({}), { params: Promise.resolve({ id: '7' }) })).status).toBe(200);
    expect(orders.checkOperationWithVipps).toHaveBeenCalledWith(7, {
      email: 'op@shop.no',
      role: 'operator',
      sessionId: 1,
    });
  });
});
