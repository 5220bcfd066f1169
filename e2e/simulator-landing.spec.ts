import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { APP_URL } from './support/servers';
import { createSimulatorPayment } from './support/simulator-api';

// The simulator's landing page plays the Vipps app in every checkout test, so it must work by keyboard alone,
// pass axe, and send the shopper back to returnUrl exactly as Vipps does.

function uniqueReference(label: string) {
  return `e2e-${label}-${Date.now()}`;
}

for (const width of [1280, 390]) {
  test(`a shopper approves on the landing page by keyboard and returns to the shop (${width}px)`, async ({
    page,
    request,
    sim,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const reference = uniqueReference(`approve-${width}`);
    const returnUrl = `${APP_URL}/?reference=${reference}`;
    const { redirectUrl } = await createSimulatorPayment(request, {
      reference,
      amount: { currency: 'NOK', value: 24900 },
      paymentMethod: { type: 'WALLET' },
      userFlow: 'WEB_REDIRECT',
      returnUrl,
      paymentDescription: 'Fjord enamel mug',
      customer: { phoneNumber: '4791234567' },
    });
    expect(redirectUrl).toBeDefined();

    await page.goto(redirectUrl!);
    await expect(page.getByText('249,00 kr')).toBeVisible();
    await expect(page.getByText('Fjord enamel mug')).toBeVisible();
    await expect(page.getByLabel('Your mobile number')).toHaveValue('4791234567');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Your mobile number').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(returnUrl);
    expect((await sim.payment(reference)).state).toBe('AUTHORIZED');
  });
}

test('rejecting in the app aborts the payment and still returns to the shop', async ({ page, request, sim }) => {
  const reference = uniqueReference('reject');
  const returnUrl = `${APP_URL}/?reference=${reference}`;
  const { redirectUrl } = await createSimulatorPayment(request, {
    reference,
    amount: { currency: 'NOK', value: 19900 },
    paymentMethod: { type: 'WALLET' },
    userFlow: 'WEB_REDIRECT',
    returnUrl,
    paymentDescription: 'Cheese slicer',
  });
  await page.goto(redirectUrl!);
  await page.getByLabel('Your mobile number').fill('4798765432');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page).toHaveURL(returnUrl);
  expect((await sim.payment(reference)).state).toBe('ABORTED');
});

test('a magic test amount fails in the app and leaves the payment open', async ({ page, request, sim }) => {
  const reference = uniqueReference('declined');
  const { redirectUrl } = await createSimulatorPayment(request, {
    reference,
    amount: { currency: 'NOK', value: 151 },
    paymentMethod: { type: 'WALLET' },
    userFlow: 'WEB_REDIRECT',
    returnUrl: `${APP_URL}/?reference=${reference}`,
    paymentDescription: 'Insufficient funds',
    customer: { phoneNumber: '4791234567' },
  });
  await page.goto(redirectUrl!);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/Insufficient funds\. Try again, or reject the payment\./)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect((await sim.payment(reference)).state).toBe('CREATED');
});

for (const width of [1280, 390]) {
  test(`the landing page and the app show the receipt's order lines, readable and accessible (${width}px)`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const reference = uniqueReference(`receipt-${width}`);
    const returnUrl = `${APP_URL}/?reference=${reference}`;
    const line = (name: string, id: string, totalAmount: number, extra: Record<string, unknown> = {}) => ({
      name,
      id,
      totalAmount,
      totalAmountExcludingTax: totalAmount * 0.8,
      totalTaxAmount: totalAmount * 0.2,
      taxPercentage: 25,
      ...extra,
    });
    const { redirectUrl } = await createSimulatorPayment(request, {
      reference,
      amount: { currency: 'NOK', value: 74900 },
      paymentMethod: { type: 'WALLET' },
      userFlow: 'WEB_REDIRECT',
      returnUrl,
      paymentDescription: 'Order 1042',
      customer: { phoneNumber: '4791234567' },
      receipt: {
        orderLines: [
          line('Fjord enamel mug, deep blue', 'sku-mug', 49900, {
            unitInfo: { unitPrice: 24950, quantity: '2', quantityUnit: 'PCS' },
          }),
          line('Wool socks', 'sku-socks', 20000, { discount: 5000 }),
          line('Shipping', 'shipping', 5000, { isShipping: true }),
        ],
        bottomLine: { currency: 'NOK', receiptNumber: '1042' },
      },
    });

    await page.goto(redirectUrl!);
    const receipt = page.getByRole('region', { name: 'Receipt' });
    await expect(receipt.getByRole('rowheader', { name: /Fjord enamel mug, deep blue/ })).toBeVisible();
    await expect(receipt.getByRole('row', { name: /Fjord enamel mug.*2 pcs.*499,00 kr/ })).toBeVisible();
    await expect(receipt.getByText('Discount 50,00 kr · incl. 25 % VAT (40,00 kr)')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `screenshots/landing-receipt-${width}.png`, fullPage: true });

    // The receipt follows the form, so the keyboard path is unchanged: number → Next → Approve.
    await page.getByLabel('Your mobile number').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Receipt' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: `screenshots/app-receipt-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(returnUrl);
  });
}
