import { createHash, randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { SIM_URL } from './servers';
import { answerInVipps, checkoutViaApi, statusOf } from './shop';

// Fixtures for the observability spec: orders in known states, made through the shop's and the admin's own routes.

export const PHONE = '4791234567';
/** Two aurora prints (449,00) and a coffee (129,00). */
export const TOTAL_ORE = 102_700;

export interface PaidOrder {
  orderNumber: string;
  reference: string;
  path: string;
}

/** Checked out through the shop and approved in "the Vipps app": its whole amount is reserved. */
export async function paidOrder(page: Page): Promise<PaidOrder> {
  const started = await checkoutViaApi(page.request, {
    items: [
      { sku: 'aurora-print', quantity: 2 },
      { sku: 'fjellkaffe', quantity: 1 },
    ],
    phoneNumber: PHONE,
  });
  await answerInVipps(page, started.redirectUrl, 'Approve');
  await expect.poll(async () => (await statusOf(page.request, started.reference)).outcome).toBe('paid');
  return {
    orderNumber: started.orderNumber,
    reference: started.reference,
    path: `/admin/orders/${started.orderNumber}`,
  };
}

/** A staff money move through the admin API (the session is the page's), which must succeed. */
export async function moveMoney(
  request: APIRequestContext,
  reference: string,
  kind: 'capture' | 'refund' | 'cancel',
  amountOre?: number,
) {
  const response = await request.post(`/api/admin/payments/${reference}/${kind}`, {
    data: amountOre === undefined ? {} : { amountOre },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { status: string }).status).toBe('succeeded');
}

/** The next capture of `reference` answers 500 once (the client retries it with the same Idempotency-Key). */
export async function failNextCapture(request: APIRequestContext, reference: string) {
  const fault = await request.post(`${SIM_URL}/_sim/faults`, {
    data: { operation: 'capture', reference, kind: 'status', status: 500, count: 1 },
  });
  expect(fault.ok()).toBe(true);
}

/**
 * A delivery that looks like Vipps' but is signed with a key we never had: the content hash is right, so the
 * refusal is for the signature itself.
 */
export async function postForgedDelivery(request: APIRequestContext, reference: string) {
  const body = JSON.stringify({
    msn: '123456',
    reference,
    pspReference: 'forged',
    name: 'CAPTURED',
    amount: { currency: 'NOK', value: TOTAL_ORE },
    timestamp: new Date().toISOString(),
    idempotencyKey: null,
    success: true,
  });
  const response = await request.post('/api/webhooks/vipps', {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-ms-date': new Date().toUTCString(),
      'x-ms-content-sha256': createHash('sha256').update(body).digest('base64'),
      authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${randomBytes(32).toString('base64')}`,
    },
  });
  expect(response.status()).toBe(401);
}

/** A tile's amount ("1 027,00 kr", "−100,00 kr") in øre. */
export function oreOf(text: string): number {
  const negative = /[-−]/.test(text);
  const digits = text.replace(/[^\d]/g, '');
  return (negative ? -1 : 1) * Number(digits);
}

export async function tileOre(page: Page, id: string): Promise<number> {
  return oreOf((await page.getByTestId(`tile-${id}`).textContent()) ?? '');
}
