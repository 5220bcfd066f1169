import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface Started {
  orderNumber: string;
  reference: string;
  redirectUrl: string;
}

/** What the checkout page sends: SKUs, quantities, an optional phone, and its Idempotency-Key. */
export async function checkoutViaApi(
  request: APIRequestContext,
  body: Record<string, unknown>,
  key: string = randomUUID(),
): Promise<Started> {
  const response = await request.post('/api/checkout', { data: body, headers: { 'idempotency-key': key } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Started;
}

export async function statusOf(request: APIRequestContext, reference: string) {
  const response = await request.get(`/api/payments/${reference}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { outcome: string; final: boolean; checkedAt: string | null; canRetry: boolean };
}

/** Plays the shopper in the Vipps app (the simulator's landing page): Next, then Approve or Reject. */
export async function answerInVipps(page: Page, redirectUrl: string, answer: 'Approve' | 'Reject'): Promise<void> {
  await page.goto(redirectUrl);
  const phone = page.getByLabel('Your mobile number');
  if ((await phone.inputValue()) === '') await phone.fill('4791234567'); // no number was given at checkout
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: answer }).click();
}

/** The reserved order's basket: two aurora prints (449,00 each) and a coffee (129,00). */
export const RESERVED_ORDER_ITEMS = [
  { sku: 'aurora-print', quantity: 2 },
  { sku: 'fjellkaffe', quantity: 1 },
] as const;
export const RESERVED_ORDER_TOTAL_ORE = 102_700;

export interface ReservedOrder extends Started {
  /** The staff order page, `/admin/orders/{orderNumber}`. */
  path: string;
}

/**
 * An order whose whole amount is reserved: checked out through the shop's own route, approved by the shopper on
 * the simulator's landing page (in `page`), and known to the shop as paid.
 */
export async function reserveOrder(page: Page, { phoneNumber }: { phoneNumber?: string } = {}): Promise<ReservedOrder> {
  const started = await checkoutViaApi(page.request, {
    items: RESERVED_ORDER_ITEMS,
    ...(phoneNumber !== undefined && { phoneNumber }),
  });
  await answerInVipps(page, started.redirectUrl, 'Approve');
  await expect.poll(async () => (await statusOf(page.request, started.reference)).outcome).toBe('paid');
  return { ...started, path: `/admin/orders/${started.orderNumber}` };
}
