// The contract between the admin pages and the admin route handlers: request schemas shared by the forms
// that build them and the handlers that check them, and the shapes the pages read. Amounts in øre.
import { z } from 'zod';
import { ORDER_STATUSES } from './order-status';
import { storableText } from './storable-text';
import type { OrderLineView as ShopOrderLineView, SharedAddress } from './shop-api';

/** The orders list's status filter: the order statuses (state-machine.ts) plus "an operation's outcome is unknown". */
export const ADMIN_STATUS_FILTERS = [...ORDER_STATUSES, 'outcome_unknown'] as const;
export type AdminStatusFilter = (typeof ADMIN_STATUS_FILTERS)[number];

export const STATUS_LABELS: Record<AdminStatusFilter, string> = {
  awaiting_payment: 'Awaiting payment',
  reserved: 'Reserved',
  partly_captured: 'Partly captured',
  captured: 'Captured',
  partly_refunded: 'Partly refunded',
  refunded: 'Refunded',
  cancelled: 'Cancelled',
  expired: 'Expired',
  aborted: 'Aborted',
  needs_attention: 'Needs attention',
  outcome_unknown: 'Outcome unknown',
};

export const ORDERS_PAGE_SIZE = 20;

/** The dashboard's reservation tiles link here: money still held (`open`), or held longer than the stale age. */
export const RESERVATION_FILTERS = ['open', 'stale'] as const;
export type ReservationFilter = (typeof RESERVATION_FILTERS)[number];

/**
 * `GET /api/admin/orders` query, and the /admin/orders page's search params (both read through
 * lib/server/http/route-input.ts, where an empty field, as the page's GET form sends it, means "not given").
 */
export const orderListQuerySchema = z.object({
  status: z.enum(ADMIN_STATUS_FILTERS).optional(),
  /** Order number, payment reference, phone number (any spacing, with or without +47) or shared e-mail. */
  q: storableText().trim().max(100).optional(),
  reservation: z.enum(RESERVATION_FILTERS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export interface OrderListItem {
  orderNumber: string;
  /** ISO 8601. */
  createdAt: string;
  status: string;
  currency: string;
  totalOre: number;
  /** The newest payment attempt's reference. */
  reference: string | null;
  phoneNumber: string | null;
  /** The name the shopper shared from Vipps (the list shows nothing else of the profile); null if none. */
  customerName: string | null;
  authorizedOre: number;
  capturedOre: number;
  refundedOre: number;
  /** When the money was reserved (first AUTHORIZED read), while some of it is still reserved; else null. */
  reservedSince: string | null;
  hasUnknownOutcome: boolean;
}

export interface OrderListResponse {
  items: OrderListItem[];
  page: number;
  pageSize: number;
  total: number;
  /** When the server read this (ISO 8601): the clock the reservation ages are measured against. */
  asOf: string;
}

/** `POST /api/admin/payments/{reference}/capture` and `/refund`: omit `amountOre` to move all that remains. */
export const moneyMoveBodySchema = z.object({
  amountOre: z.int().min(1).max(100_000_000).optional(),
  note: storableText().trim().max(500).optional(),
});
/** `POST /api/admin/payments/{reference}/cancel`: releases what is not captured. */
export const cancelBodySchema = z.object({ note: storableText().trim().max(500).optional() });
export type MoneyMoveBody = z.infer<typeof moneyMoveBodySchema>;

/** 200 from the capture, refund, cancel and settle handlers. */
export interface MoneyMoveResponse {
  operationId: number;
  /** succeeded | rejected | unknown. */
  status: 'succeeded' | 'rejected' | 'unknown' | 'pending';
  amountOre: number;
  /** Vipps' error code and title when it refused. */
  vippsCode: string | null;
  vippsTitle: string | null;
}

/** What the order page's money panel needs for one payment attempt (all from our ledger, on the server). */
export interface MoneyPanelProps {
  reference: string;
  currency: string;
  authorizedOre: number;
  capturedOre: number;
  refundedOre: number;
  cancelledOre: number;
  capturableOre: number;
  refundableOre: number;
  cancellable: boolean;
  cancelBlockedBy: string | null;
  /** Operations whose outcome is unknown: each gets a "check with Vipps" action (`POST /api/admin/operations/{id}/settle`). */
  unknownOperations: Array<{ id: number; kind: string; amountOre: number; createdAt: string }>;
  /** Viewers see amounts but no money buttons. */
  canMoveMoney: boolean;
}

/** Where a timeline entry comes from: our own operations (by the shop or by staff), Vipps' event log, a webhook. */
export type TimelineSource = 'shop' | 'staff' | 'vipps' | 'webhook';

export const TIMELINE_SOURCE_LABELS: Record<TimelineSource, string> = {
  shop: 'Shop',
  staff: 'Staff',
  vipps: 'Vipps event log',
  webhook: 'Webhook',
};

/** One line of the order page's timeline; the fields that do not apply are null. */
export interface TimelineEntry {
  /** ISO 8601. */
  at: string;
  source: TimelineSource;
  title: string;
  /** The payment attempt it is about; null for the order itself. */
  reference: string | null;
  amountOre: number | null;
  idempotencyKey: string | null;
  /** 'shopper', 'system' or the staff member's e-mail. */
  actor: string | null;
  /** succeeded | rejected | unknown | pending for our operations; success | failed for Vipps events; … */
  outcome: string | null;
  detail: string | null;
}

/** The shop's order line, with its place in the order (the receipt's line number). */
export interface OrderLineView extends ShopOrderLineView {
  position: number;
}

/** One payment attempt on the order page, with the money panel's props computed on the server. */
export interface PaymentAttemptView {
  attempt: number;
  reference: string;
  vippsState: string | null;
  pspReference: string | null;
  createdAt: string;
  authorizedAt: string | null;
  attentionReason: string | null;
  money: MoneyPanelProps;
}

/** A row of the append-only staff audit log (staff_actions). */
export interface StaffActionView {
  id: number;
  at: string;
  staffEmail: string;
  action: string;
  reference: string;
  amountOre: number | null;
  note: string | null;
  /** 'refused' when our own checks said no before Vipps was asked; `reason` then says why. */
  result: string;
  reason: string | null;
}

/**
 * The profile the shopper shared from Vipps for this order (profile sharing). `status`:
 * - `waiting`: asked for, the payment is not authorized yet (or Vipps has not given the `sub` yet);
 * - `fetched`: the claims below are what the shopper consented to;
 * - `retrying`: the userinfo call failed; the reconciler tries again (`lastError` says why, in words);
 * - `failed`: given up (e.g. Vipps no longer serves it); the payment is unaffected;
 * - `erased`: removed after the retention period (`erasedAt`); the order and its money history stay.
 */
export interface SharedProfileView {
  status: 'waiting' | 'fetched' | 'retrying' | 'failed' | 'erased';
  /** The `profile.scope` sent with the payment. */
  scope: string;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  emailVerified: boolean | null;
  /** MSISDN without "+", as Vipps gives it. */
  phoneNumber: string | null;
  address: SharedAddress | null;
  otherAddresses: SharedAddress[];
  birthDate: string | null;
  fetchedAt: string | null;
  attempts: number;
  lastError: string | null;
  erasedAt: string | null;
  /** When the retention job will erase it (ISO 8601), once the order is settled; else null. */
  eraseAfter: string | null;
}

/** `GET /api/admin/orders/{orderNumber}`, and what the order page renders. */
export interface OrderDetailResponse {
  orderNumber: string;
  createdAt: string;
  status: string;
  currency: string;
  totalOre: number;
  vatOre: number;
  phoneNumber: string | null;
  /** Null when the shopper did not share a profile for any attempt of this order. */
  profile: SharedProfileView | null;
  lines: OrderLineView[];
  /** Oldest attempt first. */
  payments: PaymentAttemptView[];
  /** Oldest first, newest last. */
  timeline: TimelineEntry[];
  /** References whose Vipps event log could not be read just now: the timeline lacks their Vipps entries. */
  eventLogUnavailable: string[];
  /** Oldest first. */
  staffActions: StaffActionView[];
  /** When the server read this (ISO 8601). */
  asOf: string;
}
