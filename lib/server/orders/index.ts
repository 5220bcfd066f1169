// The orders module's public face for route handlers: the only code that changes order and payment state.
import 'server-only';
import type { OrderDetailResponse, OrderListQuery, OrderListResponse } from '@/lib/admin-api';
import type { MoneyMoveBody, MoneyMoveResponse, MoneyPanelProps } from '@/lib/admin-api';
import type { PaymentStartedResponse, PaymentStatusResponse } from '@/lib/shop-api';
import type { StaffCheckHooks, StaffMember } from '../auth/require-staff';
import { roleAllows } from '../auth/roles';
import { getDb } from '../db';
import { getEnv } from '../env';
import { getLogger } from '../log';
import { getVippsClient } from '../runtime/vipps-client';
import { listOrders, type ListOrdersOptions } from './admin-list';
import { getOrderDetail, type OrderDetailViewer } from './admin-order';
import { startCheckout, type CheckoutInput } from './checkout';
import type { OrdersDeps } from './deps';
import { retryPayment } from './retry';
import {
  auditForbiddenCheck,
  auditForbiddenStaffAction,
  checkOperationForStaff,
  moneyPanelFor,
  moveMoneyForStaff,
} from './staff-money';
import { getPaymentStatus } from './status';

export async function ordersDeps(): Promise<OrdersDeps> {
  return {
    db: await getDb(),
    vipps: getVippsClient(),
    publicBaseUrl: getEnv().PUBLIC_BASE_URL,
    log: getLogger().child({ component: 'orders' }),
  };
}

export async function checkout(input: CheckoutInput): Promise<PaymentStartedResponse> {
  return startCheckout(await ordersDeps(), input);
}

export async function paymentStatus(reference: string): Promise<PaymentStatusResponse> {
  return getPaymentStatus(await ordersDeps(), reference);
}

export async function tryPaymentAgain(reference: string): Promise<PaymentStartedResponse> {
  return retryPayment(await ordersDeps(), reference);
}

/** Staff orders list: filter, search, page. Reads our ledger only. */
export async function adminListOrders(query: OrderListQuery, opts: ListOrdersOptions): Promise<OrderListResponse> {
  return listOrders((await ordersDeps()).db, query, opts);
}

/** Staff order page: ledger, money panel props, one merged timeline, audit log. Never changes money state. */
export async function adminOrderDetail(orderNumber: string, viewer: OrderDetailViewer): Promise<OrderDetailResponse> {
  return getOrderDetail(await ordersDeps(), orderNumber, viewer);
}

/** Who asks and why: the staff member from requireStaff, and the form's amount (øre) and note. */
export interface StaffMoneyRequest extends MoneyMoveBody {
  reference: string;
  staff: StaffMember;
}

const moveFor = (kind: 'capture' | 'refund' | 'cancel', r: StaffMoneyRequest) => ({
  reference: r.reference,
  kind,
  amountOre: kind === 'cancel' ? undefined : r.amountOre,
  staffEmail: r.staff.email,
  note: r.note || undefined,
});

/** Capture part or all of what remains reserved (no amount = all of it). */
export async function captureMoney(request: StaffMoneyRequest): Promise<MoneyMoveResponse> {
  return moveMoneyForStaff(await ordersDeps(), moveFor('capture', request));
}

/** Refund part or all of what is captured (no amount = all of it). */
export async function refundMoney(request: StaffMoneyRequest): Promise<MoneyMoveResponse> {
  return moveMoneyForStaff(await ordersDeps(), moveFor('refund', request));
}

/** Release what is reserved and not captured. */
export async function cancelReservation(request: Omit<StaffMoneyRequest, 'amountOre'>): Promise<MoneyMoveResponse> {
  return moveMoneyForStaff(await ordersDeps(), moveFor('cancel', request));
}

/** "Check with Vipps" for an operation whose outcome is unknown. */
export async function checkOperationWithVipps(operationId: number, staff: StaffMember): Promise<MoneyMoveResponse> {
  return checkOperationForStaff(await ordersDeps(), { operationId, staffEmail: staff.email });
}

type ForbiddenHook = NonNullable<StaffCheckHooks['onForbidden']>;

/** requireStaff's `onForbidden` for a money move on `reference`: a viewer's attempt is audited as refused. */
export function auditRefusedMove(kind: 'capture' | 'refund' | 'cancel', reference: string): ForbiddenHook {
  return async (staff, refusal) =>
    auditForbiddenStaffAction(await getDb(), { action: kind, reference, staffEmail: staff.email }, refusal);
}

/** requireStaff's `onForbidden` for "check with Vipps" on one operation. */
export function auditRefusedCheck(operationId: number): ForbiddenHook {
  return async (staff, refusal) =>
    auditForbiddenCheck(await getDb(), { operationId, staffEmail: staff.email }, refusal);
}

/** The order page's money panel for one payment attempt (viewers get `canMoveMoney: false`). */
export async function moneyPanel(reference: string, staff: StaffMember): Promise<MoneyPanelProps> {
  return moneyPanelFor((await ordersDeps()).db, reference, roleAllows(staff.role, 'operator'));
}
