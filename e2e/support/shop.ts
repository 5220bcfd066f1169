import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { SIM_URL } from './servers';

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

export interface SimPaymentView {
  reference: string;
  state: string;
  amount: { currency: string; value: number };
  customerPhoneNumber: string | null;
  events: { name?: string }[];
}

export async function simPayment(request: APIRequestContext, reference: string): Promise<SimPaymentView> {
  const response = await request.get(`${SIM_URL}/_sim/payments/${reference}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SimPaymentView;
}

export async function simDeliveries(request: APIRequestContext, reference: string) {
  const response = await request.get(`${SIM_URL}/_sim/webhooks/deliveries?reference=${reference}`);
  return (
    (await response.json()) as { deliveries: { name: string; state: string; attempts: { status: number | null }[] }[] }
  ).deliveries;
}

/** Plays the shopper in the Vipps app (the simulator's landing page): Next, then Approve or Reject. */
export async function answerInVipps(page: Page, redirectUrl: string, answer: 'Approve' | 'Reject'): Promise<void> {
  await page.goto(redirectUrl);
  const phone = page.getByLabel('Your mobile number');
  if ((await phone.inputValue()) === '') await phone.fill('4791234567'); // no number was given at checkout
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: answer }).click();
}
