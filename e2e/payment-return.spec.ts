import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  FAKE_LANDING,
  NEWER_REFERENCE,
  ORDER_NUMBER,
  REFERENCE,
  fakeLandingPage,
  fakeStatus,
  paymentStatus,
  problem,
  seedCart,
  started,
  storedCart,
} from './support/shop-fakes';

// /return?reference=… after Vipps: it polls GET /api/payments/{reference} (faked here) until the answer is
// final and shows one clear screen per outcome. The cart is emptied only when the payment is paid.

const CART = [{ sku: 'fjord-mug', quantity: 2 }];

test.beforeEach(async ({ page }) => {
  await seedCart(page, CART);
});

test('paid only once the server says so: waiting first, then the confirmation, and the cart is emptied', async ({
  page,
}) => {
  const polls = await fakeStatus(page, [paymentStatus('pending'), paymentStatus('pending'), paymentStatus('paid')]);
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-waiting')).toBeVisible();
  await expect(page.getByTestId('payment-progress')).toHaveText('Checking your payment with Vipps…');
  await expect(page.getByTestId('payment-elapsed')).toHaveText(/^0:0\d$/);
  await expect(page.getByText(/confirmed/i)).toHaveCount(0);
  expect(await storedCart(page)).toEqual({ lines: CART });

  await expect(page.getByTestId('payment-paid')).toBeVisible({ timeout: 15_000 });
  expect(polls.length).toBe(3);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your order is confirmed' })).toBeFocused();
  await expect(page.getByTestId('order-number')).toHaveText(ORDER_NUMBER);
  await expect(page.getByTestId('summary-line-fjord-mug')).toContainText('Fjord enamel mug');
  await expect(page.getByTestId('summary-total')).toHaveText(/587,90\skr/);
  await expect(page.getByTestId('summary-vat')).toHaveText(/111,33\skr/);
  await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 0 items');
  expect(await storedCart(page)).toBeNull();

  // Final: polling stops.
  await page.waitForTimeout(4_500);
  expect(polls.length).toBe(3);
});

for (const outcome of ['cancelled', 'expired'] as const) {
  test(`${outcome}: its own screen, the cart is kept, and "try again" starts a new Vipps payment`, async ({ page }) => {
    await fakeLandingPage(page);
    await fakeStatus(page, [paymentStatus(outcome)]);
    const retries: string[] = [];
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route(`**/api/payments/${REFERENCE}/retry`, async (route) => {
      retries.push(`${route.request().method()} ${route.request().postData() ?? '(no body)'}`);
      await answered;
      await route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify(started(NEWER_REFERENCE)),
      });
    });
    await page.goto(`/return?reference=${REFERENCE}`);
    await expect(page.getByTestId(`payment-${outcome}`)).toBeVisible();
    await expect(page.getByText('nothing was charged', { exact: false })).toBeVisible();
    expect(await storedCart(page)).toEqual({ lines: CART });
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 2 items');

    const retry = page.getByTestId('retry-payment');
    await retry.dblclick();
    await expect(retry).toBeDisabled();
    await expect(retry).toHaveText('Contacting Vipps…');
    answer();
    await page.waitForURL(`${FAKE_LANDING}?ref=${NEWER_REFERENCE}`);
    expect(retries).toEqual(['POST (no body)']);
  });
}

test('a refused retry is explained, and a newer attempt is linked', async ({ page }) => {
  await fakeStatus(page, [
    paymentStatus('cancelled'),
    paymentStatus('cancelled', { canRetry: false, newerReference: NEWER_REFERENCE }),
  ]);
  await fakeStatus(page, [paymentStatus('pending', { reference: NEWER_REFERENCE })], NEWER_REFERENCE);
  await page.route(`**/api/payments/${REFERENCE}/retry`, (route) =>
    route.fulfill(problem(409, 'This payment was already retried')),
  );
  await page.goto(`/return?reference=${REFERENCE}`);
  await page.getByTestId('retry-payment').click();
  await expect(page.getByTestId('retry-error')).toHaveCount(0); // replaced: the status now names a newer attempt
  await page.getByTestId('newer-attempt-link').click();
  await expect(page).toHaveURL(`/return?reference=${NEWER_REFERENCE}`);
  await expect(page.getByTestId('payment-waiting')).toBeVisible();
});

test('terminated: its own screen without "try again"; the cart is kept', async ({ page }) => {
  await fakeStatus(page, [paymentStatus('terminated')]);
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-terminated')).toBeVisible();
  await expect(page.getByTestId('retry-payment')).toHaveCount(0);
  expect(await storedCart(page)).toEqual({ lines: CART });
});

test('needs attention: a calm "we are checking" screen that never says paid', async ({ page }) => {
  await fakeStatus(page, [paymentStatus('needs_attention')]);
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-needs-attention')).toBeVisible();
  await expect(page.getByTestId('payment-needs-attention')).toContainText('staff will look at it and contact you');
  await expect(page.getByTestId('payment-needs-attention')).not.toContainText(/\bpaid\b|confirmed/i);
  await expect(page.getByTestId('order-number')).toHaveText(ORDER_NUMBER);
  expect(await storedCart(page)).toEqual({ lines: CART });
});

test('an unknown reference (404) and a malformed one both show the not-found screen', async ({ page }) => {
  await fakeStatus(page, [404]);
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-not-found')).toBeVisible();
  for (const path of [
    '/return',
    '/return?reference=',
    '/return?reference=%3Cscript%3E',
    '/return?reference=a&reference=b',
  ]) {
    await page.goto(path);
    await expect(page.getByTestId('payment-not-found')).toBeVisible();
  }
});

test('long waits: a hint after 30 s, then "still checking" with a link back, and polling never stops', async ({
  page,
}) => {
  await page.clock.install();
  const polls = await fakeStatus(page, [paymentStatus('pending')]);
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-progress')).toHaveText('Checking your payment with Vipps…');
  await expect(page.getByTestId('payment-hint')).toHaveCount(0);
  // The page counts from when it came alive in the browser, not from the server's HTML: jumping before that
  // jumped past nothing (a CI run failed so). A second on the counter proves it is counting.
  await expect(page.getByTestId('payment-elapsed')).not.toHaveText('0:00');

  await page.clock.fastForward('00:31');
  await expect(page.getByTestId('payment-hint')).toBeVisible();
  await expect(page.getByTestId('payment-progress')).toHaveText('Still waiting for Vipps…');
  // The installed clock keeps running in real time after the jump, so a loaded machine may show 0:32 or later.
  await expect(page.getByTestId('payment-elapsed')).toHaveText(/^0:[3-5]\d$/);
  await expect(page.getByTestId('payment-still-checking')).toHaveCount(0);

  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('payment-still-checking')).toBeVisible();
  await expect(page.getByTestId('payment-progress')).toHaveText(
    'We are still checking with Vipps. This page will update by itself.',
  );
  await expect(
    page.getByTestId('payment-still-checking').getByRole('link', { name: 'Back to the shop' }),
  ).toBeVisible();

  // Slower now (every 10 s), but still polling: two more polls, each after a 10 s jump; none after 3 s.
  // SWR arms its next timer only once the previous poll has been answered, so each jump waits for that
  // first; jumping while a poll is in flight would skip the timer it has not armed yet.
  for (let i = 0; i < 2; i++) {
    await pollAnswered(page, polls);
    const before = polls.length;
    await page.clock.fastForward('00:10');
    await expect.poll(() => polls.length).toBeGreaterThan(before);
  }
  await pollAnswered(page, polls);
  const settled = polls.length;
  await page.clock.fastForward('00:03');
  await page.waitForTimeout(500);
  expect(polls.length).toBe(settled);
});

/** Waits until the latest poll's answer has reached the page and the page has had a turn to act on it. */
async function pollAnswered(page: Page, polls: Request[]) {
  const response = await polls.at(-1)?.response();
  await response?.finished();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

test('a failing status route is retried, with a note, until it answers', async ({ page }) => {
  let calls = 0;
  await page.route(`**/api/payments/${REFERENCE}`, (route) => {
    calls += 1;
    if (calls <= 2) return route.fulfill(problem(503, 'Database unavailable'));
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(paymentStatus('paid')) });
  });
  await page.goto(`/return?reference=${REFERENCE}`);
  await expect(page.getByTestId('payment-connection-trouble')).toBeVisible();
  await expect(page.getByTestId('payment-paid')).toBeVisible({ timeout: 15_000 });
});
