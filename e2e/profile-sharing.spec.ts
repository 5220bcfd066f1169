// Profile sharing end to end: the shopper shares name, e-mail, phone and address from Vipps instead of typing
// them. The simulator's app shows a consent card first (its demo user for 4791234567 is Kari Nordmann); the shop
// reads the claims from the Userinfo API once the payment is authorized and shows them on /return and to staff.
import type { Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { SIM_URL } from './support/servers';

const KARI = { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', street: 'Storgata 1' };

async function addToCart(page: Page, productName: string) {
  await page.goto('/');
  await page.getByRole('link', { name: productName }).first().click();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('add-to-cart-status')).toBeVisible();
}

/** Checkout with the share choice as given, through to the simulated app's screen for 4791234567. */
async function checkoutToApp(page: Page, share: boolean, testInfo?: TestInfo) {
  await page.goto('/checkout');
  const choice = page.getByRole('checkbox', { name: /share my name, e-mail, phone number and address/i });
  await expect(choice).toBeChecked(); // on by default
  if (testInfo) {
    await expectNoSeriousA11yViolations(page);
    await pictures(page, testInfo, 'checkout-share-choice');
  }
  if (!share) await choice.uncheck();
  await page.getByLabel(/mobile number/i).fill('912 34 567');
  await page.getByTestId('pay-with-vipps').click();
  await page.waitForURL(`${SIM_URL}/landing**`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL(`${SIM_URL}/app/**`);
}

async function pictures(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await testInfo.attach(`${name}-${width}`, {
      body: await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}-${width}.png`) }),
      contentType: 'image/png',
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const consentCard = (page: Page) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Share your information with Fjellbutikken?' }) });

test('consent accepted → /return greets the shopper and shows the address; staff see the profile', async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(180_000);
  await addToCart(page, 'Fjord enamel mug');
  await checkoutToApp(page, true);

  const card = consentCard(page);
  await expect(card).toBeVisible();
  await expect(card).toContainText(KARI.name);
  await expect(card).toContainText(KARI.email);
  await expect(card).toContainText(KARI.street);
  await expect(card).not.toContainText(/birth date|national identity/i); // only what the shop asked for
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await pictures(page, testInfo, 'consent-card');

  await page.getByRole('button', { name: 'Share and continue' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(/\/return\?reference=/);

  await expect(page.getByRole('heading', { name: 'Thank you, Kari — your order is confirmed' })).toBeVisible({
    timeout: 30_000,
  });
  const delivery = page.getByTestId('shared-delivery');
  await expect(delivery).toContainText(KARI.name);
  await expect(delivery).toContainText(KARI.street);
  await expect(delivery).toContainText('Oslo');
  await expectNoSeriousA11yViolations(page);
  await pictures(page, testInfo, 'return-greeting');
  const orderNumber = (await page.getByTestId('order-number').textContent())!.trim();

  await signInAs('viewer', `/admin/orders/${orderNumber}`);
  const profile = page.getByTestId('customer-profile');
  await expect(profile).toContainText(KARI.name);
  await expect(profile).toContainText(KARI.email);
  await expect(profile).toContainText('+4791234567');
  await expect(profile).toContainText(KARI.street);
  await expectNoSeriousA11yViolations(page);
  await pictures(page, testInfo, 'admin-order-profile');

  // The real userinfo exchange is in the order's Vipps API log, with every claim masked.
  await page.goto(`/admin/orders/${orderNumber}?tab=api-log`);
  const apiLog = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Vipps API log' }) });
  await expect(apiLog).toContainText('/vipps-userinfo-api/userinfo/');
  for (const clear of [KARI.name, KARI.email, KARI.street, '0155']) await expect(apiLog).not.toContainText(clear);

  // The list shows the name only; the shared e-mail finds the order.
  await page.goto(`/admin/orders?q=${encodeURIComponent(KARI.email.toUpperCase())}`);
  const row = page.getByTestId(`order-row-${orderNumber}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('customer-name')).toHaveText(KARI.name);
  await expect(row).not.toContainText(KARI.email);
  await expect(row).not.toContainText(KARI.street);
});

test('consent declined → no approval possible; the shopper rejects and keeps the cart', async ({ page, sim }) => {
  await addToCart(page, 'Merino hiking socks');
  await checkoutToApp(page, true);
  await page.getByRole('button', { name: "Don't share" }).click();
  await expect(page.getByRole('alert')).toContainText('cannot be approved');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  const waiting = (await sim.payments()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)!;
  expect((await sim.payment(waiting.reference)).state).toBe('CREATED');

  await page.getByRole('button', { name: 'Reject' }).click();
  await page.waitForURL(/\/return\?reference=/);
  await expect(page.getByTestId('payment-cancelled')).toBeVisible();
  await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 1 item');
});

test('not sharing → no consent card, the payment goes as before and /return has no address', async ({
  page,
}, testInfo) => {
  await addToCart(page, 'Cheese slicer');
  await checkoutToApp(page, false, testInfo);
  await expect(page.getByRole('heading', { name: /share your information with/i })).toHaveCount(0);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(/\/return\?reference=/);
  await expect(page.getByRole('heading', { name: 'Thank you — your order is confirmed' })).toBeVisible();
  await expect(page.getByTestId('shared-delivery')).toHaveCount(0);
});
