import { createHash, randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { RESERVED_ORDER_TOTAL_ORE } from './shop';

// Helpers for the observability spec: money moves through the admin's own routes, a forged delivery, the tiles.

/** The shopper's number given at checkout, which no log may show in full. */
export const PHONE = '4791234567';

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
    amount: { currency: 'NOK', value: RESERVED_ORDER_TOTAL_ORE },
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
