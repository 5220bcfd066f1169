// An order's status as staff see it (lib/server/orders/state-machine.ts decides it). Isomorphic, so the admin
// pages' filters and the state machine share one list.
export const ORDER_STATUSES = [
  'awaiting_payment',
  'reserved',
  'partly_captured',
  'captured',
  'partly_refunded',
  'refunded',
  'cancelled',
  'expired',
  'aborted',
  'needs_attention',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
