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
vi.mock('@/lib/server/orders', () => orders);

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
