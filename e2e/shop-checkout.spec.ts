import type { Page } from '@playwright/test';
import type { SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { expect, test } from './support/fixtures';
import { SIM_URL } from './support/servers';

// The shopper's whole journey against the real route handlers and the simulator playing Vipps.

async function addToCart(page: Page, productName: string) {
  await page.goto('/');
  await page.getByRole('link', { name: productName }).first().click();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('add-to-cart-status')).toBeVisible();
}

/** Checkout → Pay with Vipps → the simulator's landing page; returns the reference Vipps was given. */
async function payWithVipps(page: Page, sim: SimulatorControl, phone = '912 34 567'): Promise<string> {
  await page.goto('/checkout');
  await page.getByLabel(/mobile number/i).fill(phone);
  await page.getByTestId('pay-with-vipps').click();
  await page.waitForURL(`${SIM_URL}/landing**`);
  const all = await sim.payments();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)!.reference;
}

/** Next, then the answer; the checkout shares the profile by default, so Approve comes after the consent card. */
async function answer(page: Page, button: 'Approve' | 'Reject') {
  await page.getByRole('button', { name: 'Next' }).click();
  if (button === 'Approve') await page.getByRole('button', { name: 'Share and continue' }).click();
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/\/return\?reference=/);
}

test.describe('paying with Vipps', () => {
  test('approve in Vipps → the paid screen with the order, and the cart is emptied', async ({ page, sim }) => {
    await addToCart(page, 'Fjord enamel mug');
    const reference = await payWithVipps(page, sim);
    await expect(page.getByText('249,00 kr').first()).toBeVisible(); // the landing page shows the amount
    await answer(page, 'Approve');
    await expect(page.getByTestId('payment-paid')).toBeVisible();
    await expect(page.getByTestId('order-number')).toContainText('FB-');
    await expect(page).toHaveURL(new RegExp(`reference=${reference}`));
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 0 items');
    expect((await sim.payment(reference)).state).toBe('AUTHORIZED');
  });

  test('reject in Vipps → cancelled, cart kept; try again → paid with a new reference for the same order', async ({
    page,
    sim,
  }) => {
    await addToCart(page, 'Merino hiking socks');
    const first = await payWithVipps(page, sim);
    await answer(page, 'Reject');
    await expect(page.getByTestId('payment-cancelled')).toBeVisible();
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 1 item');
    const orderNumber = await page.getByTestId('order-number').textContent();

    await page.getByTestId('retry-payment').click();
    await page.waitForURL(`${SIM_URL}/landing**`);
    await answer(page, 'Approve');
    await expect(page.getByTestId('payment-paid')).toBeVisible();
    const second = new URL(page.url()).searchParams.get('reference')!;
    expect(second).not.toBe(first);
    await expect(page.getByTestId('order-number')).toHaveText(orderNumber!);
    expect((await sim.payment(first)).state).toBe('ABORTED');
    expect((await sim.payment(second)).state).toBe('AUTHORIZED');
  });

  test('nobody acts in time → the expired screen (simulator clock)', async ({ page, sim }) => {
    await addToCart(page, 'Cheese slicer');
    const reference = await payWithVipps(page, sim);
    await sim.advanceClock(11 * 60);
    expect((await sim.payment(reference)).state).toBe('EXPIRED');
    await page.goto(`/return?reference=${reference}`);
    await expect(page.getByTestId('payment-expired')).toBeVisible();
    await expect(page.getByTestId('retry-payment')).toBeVisible();
  });

  test('a double click on Pay makes one payment at Vipps', async ({ page, sim }) => {
    await addToCart(page, 'Aurora poster');
    await page.goto('/checkout');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/checkout')) posts.push(r.headers()['idempotency-key'] ?? '');
    });
    const before = (await sim.payments()).length;
    await page.getByTestId('pay-with-vipps').dblclick();
    await page.waitForURL(`${SIM_URL}/landing**`);
    const after = (await sim.payments()).length;
    expect(after - before).toBe(1);
    expect(new Set(posts).size).toBe(1);
  });

  test('Vipps busy at checkout (429) → "try again", the cart kept; pressing again later goes to Vipps', async ({
    page,
    sim,
  }) => {
    test.setTimeout(90_000); // the shop's client keeps retrying the 429s for a few seconds before it answers
    await addToCart(page, 'Fjord enamel mug');
    await page.goto('/checkout');
    await sim.faults.add({ operation: 'create', kind: 'status', status: 429, retryAfterSeconds: 1, count: 50 });
    try {
      await page.getByTestId('pay-with-vipps').click();
      await expect(page.getByTestId('checkout-error')).toContainText('Vipps is busy right now', { timeout: 40_000 });
      await expect(page.getByTestId('checkout-try-again')).toContainText('nothing was charged');
      await expect(page.getByTestId('checkout-error')).not.toContainText('Fix what is shown');
    } finally {
      await sim.faults.clear();
    }
    // The simulator counted the refused calls against Vipps' 5 a minute per reference: let that minute pass.
    await sim.advanceClock(61);
    await page.getByTestId('pay-with-vipps').click();
    await page.waitForURL(`${SIM_URL}/landing**`);
  });

  test('a price edited in the browser request → Vipps is asked for the catalogue price', async ({ page, sim }) => {
    await addToCart(page, 'Røros wool blanket');
    await page.route('**/api/checkout', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { items: Record<string, unknown>[] };
      body.items = body.items.map((item) => ({ ...item, priceOre: 100, unitPriceOre: 100 }));
      await route.continue({ postData: JSON.stringify({ ...body, totalOre: 100, vatOre: 0 }) });
    });
    const reference = await payWithVipps(page, sim);
    expect((await sim.payment(reference)).amount).toEqual({ currency: 'NOK', value: 129900 });
  });
});
