// Display helpers for the Vipps API log pages (isomorphic, pure). The rows store method and path as sent, so
// the quick-start step each exchange is (token → create → get → capture → refund → cancel) is read from them.

export type ApiLogStep =
  | 'token'
  | 'create payment'
  | 'get payment'
  | 'get events'
  | 'capture'
  | 'refund'
  | 'cancel'
  | 'force approve (test)'
  | 'webhooks'
  | 'other';

const PAYMENT_ACTIONS: Record<string, ApiLogStep> = {
  capture: 'capture',
  refund: 'refund',
  cancel: 'cancel',
  events: 'get events',
};

/** Which quick-start step an exchange is, from its method and path (query strings ignored). */
export function apiLogStep(method: string, path: string): ApiLogStep {
  const verb = method.toUpperCase();
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  if (parts[0] === 'accesstoken') return 'token';
  if (parts[0] === 'webhooks') return 'webhooks';
  if (parts[0] !== 'epayment') return 'other';
  // /epayment/v1/test/payments/{reference}/approve: the test environment's stand-in for the shopper.
  if (parts[2] === 'test') return parts[5] === 'approve' ? 'force approve (test)' : 'other';
  if (parts[2] !== 'payments') return 'other';
  if (parts.length === 3) return verb === 'POST' ? 'create payment' : 'other';
  if (parts.length === 4) return verb === 'GET' ? 'get payment' : 'other';
  return PAYMENT_ACTIONS[parts[4]!] ?? 'other';
}

/** A stored body, pretty-printed when it is JSON (it is already redacted); other text as it is. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
