import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ORDERS_PAGE_SIZE } from '@/lib/admin-api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { APP_URL } from './support/servers';
import { answerInVipps, checkoutViaApi, statusOf, type Started } from './support/shop';

// Staff find orders and read one. The orders are made through the shop's own
// checkout route, and one is paid in the simulator's "Vipps app", so every record on the page is real.

// A phone number no other spec uses, so this spec's search sees only its own orders.
const digits = String(Date.now()).slice(-7);
const PHONE_SPACED = `+47 9${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
const ORDER_COUNT = ORDERS_PAGE_SIZE + 1;

let paid: Started;
let unpaid: Started[] = [];

async function approve(browser: Browser, api: APIRequestContext, started: Started) {
  const page = await browser.newPage();
  await answerInVipps(page, started.redirectUrl, 'Approve');
  await page.close();
  // The webhook (or the return page's poll, or the reconciler) tells the shop; wait until it knows.
  await expect.poll(async () => (await statusOf(api, started.reference)).outcome).toBe('paid');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const api = await playwrightRequest.newContext({ baseURL: APP_URL });
  unpaid = [];
  for (let i = 0; i < ORDER_COUNT; i++) {
    const items = [{ sku: i === 0 ? 'fjord-mug' : 'aurora-print', quantity: 1 }];
    unpaid.push(await checkoutViaApi(api, { items, phoneNumber: PHONE_SPACED }));
  }
  paid = unpaid.shift()!;
  await approve(browser, api, paid);
  await api.dispose();
});

const rows = (page: Page) => page.locator('[data-testid^="order-row-"]');
const search = `/admin/orders?q=${encodeURIComponent(PHONE_SPACED)}`;

test('the list searches by phone as typed, pages newest first, and filters by status', async ({ page, signInAs }) => {
  await signInAs('operator', '/admin/orders');
  await page.getByLabel('Search', { exact: true }).fill(PHONE_SPACED);
  await page.getByRole('button', { name: 'Show orders' }).click();
  await expect(page.locator('caption')).toContainText(`${ORDER_COUNT} in all`);
  await expect(rows(page)).toHaveCount(ORDERS_PAGE_SIZE);
  // Newest first: the last order made is on top, and the first one (paid) is alone on page 2.
  await expect(rows(page).first()).toHaveAttribute('data-testid', `order-row-${unpaid.at(-1)!.orderNumber}`);
  await page.getByRole('link', { name: 'Older orders →' }).click();
  await expect(page.getByText(`Page 2 of 2`)).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  const paidRow = page.getByTestId(`order-row-${paid.orderNumber}`);
  await expect(paidRow).toContainText('Reserved');
  await expect(paidRow).toContainText('249,00 kr');
  await expect(paidRow.getByTestId('reservation-age')).toHaveText(/under a minute|\d+ min/);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Reserved' });
  await page.getByRole('button', { name: 'Show orders' }).click();
  await expect(page).toHaveURL(/status=reserved/);
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Captured' });
  await page.getByRole('button', { name: 'Show orders' }).click();
  await expect(page.getByTestId('orders-empty')).toContainText('No orders match');

  // The order number and the payment reference find the order as well.
  for (const q of [paid.orderNumber, paid.reference]) {
    await page.goto(`/admin/orders?q=${encodeURIComponent(q)}`);
    await expect(rows(page)).toHaveCount(1);
  }
});

test('the order page shows amounts, what is left, and one timeline that names its sources', async ({
  page,
  signInAs,
}) => {
  await signInAs('operator', search);
  await page.goto(`${search}&page=2`);
  await page.getByRole('link', { name: paid.orderNumber }).click();
  await expect(page.getByRole('heading', { name: `Order ${paid.orderNumber}` })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText('249,00 kr');
  const attempt = page.getByTestId('attempt-1');
  await expect(attempt.getByTestId('vipps-state')).toHaveText('AUTHORIZED');
  await expect(attempt.getByTestId('money-capturable')).toHaveText('249,00 kr');
  await expect(attempt.getByTestId('money-refundable')).toHaveText('0,00 kr');
  await expect(page.getByTestId(`money-panel-${paid.reference}`)).toBeVisible();
  // The webhook may land a moment after the shop learned the state another way: reload until it is there.
  await expect(async () => {
    await page.reload();
    const sources = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.dataset.source));
    expect(new Set(sources)).toEqual(new Set(['shop', 'vipps', 'webhook']));
  }).toPass({ timeout: 15_000 });
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline.first()).toContainText('Order placed');
  await expect(timeline.filter({ hasText: 'Create payment' })).toContainText(
    `Idempotency-Key create-${paid.reference}`,
  );
  await expect(timeline.filter({ hasText: 'Vipps event log' }).filter({ hasText: 'AUTHORIZED' })).toHaveCount(1);
  await expect(page.getByTestId('audit-empty')).toBeVisible();
  await expect(page.getByTestId('event-log-unavailable')).toHaveCount(0);
});

test('an unknown order number is a not-found page, and the API answers 404 and 400 as problems', async ({
  page,
  signInAs,
}) => {
  await signInAs('operator', '/admin/orders');
  const response = await page.goto('/admin/orders/FB-999999999');
  expect(response?.status()).toBe(404);
  const missing = await page.request.get('/api/admin/orders/FB-999999999');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/problem+json');
  const bad = await page.request.get('/api/admin/orders?status=paid');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { code: string }).code).toBe('validation_failed');
  const listed = await page.request.get(`/api/admin/orders?q=${encodeURIComponent(paid.orderNumber)}`);
  expect(((await listed.json()) as { total: number }).total).toBe(1);
});

test('a viewer reads the list and the order page; without a session the API answers 401', async ({
  page,
  signInAs,
}) => {
  const anonymous = await page.request.get('/api/admin/orders');
  expect(anonymous.status()).toBe(401);
  await signInAs('viewer', `/admin/orders/${paid.orderNumber}`);
  await expect(page.getByTestId('staff-role')).toHaveText('viewer');
  await expect(page.getByTestId('order-total')).toHaveText('249,00 kr');
  const detail = await page.request.get(`/api/admin/orders/${paid.orderNumber}`);
  expect(detail.status()).toBe(200);
  const body = (await detail.json()) as { payments: { money: { canMoveMoney: boolean } }[] };
  expect(body.payments[0]!.money.canMoveMoney).toBe(false);
});

for (const width of [1280, 768]) {
  test(`axe finds nothing serious on the list and the order page at ${width} px`, async ({ page, signInAs }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInAs('operator', search);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`/admin/orders/${paid.orderNumber}`);
    await expectNoSeriousA11yViolations(page);
    // At tablet width the wide table scrolls inside its own region; the page itself does not.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('keyboard only: Tab to the filter, submit it, open an order', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 768, height: 900 });
  await signInAs('operator', '/admin/orders');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 15 && (await focusedId()) !== 'filter-status'; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('filter-status');
  await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('filter-q');
  await page.keyboard.type(paid.orderNumber);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${paid.orderNumber}`));
  await expect(rows(page)).toHaveCount(1);
  const link = page.getByRole('link', { name: paid.orderNumber });
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Order ${paid.orderNumber}` })).toBeVisible();
});
