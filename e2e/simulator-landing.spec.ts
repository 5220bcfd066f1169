import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL } from './support/servers';
import { createSimulatorPayment, simulatorPaymentState } from './support/simulator-api';

// The simulator's landing page plays the Vipps app in every checkout test, so it must work by keyboard alone,
// pass axe, and send the shopper back to returnUrl exactly as Vipps does.

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

function uniqueReference(label: string) {
  return `e2e-${label}-${Date.now()}`;
}

for (const width of [1280, 390]) {
  test(`a shopper approves on the landing page by keyboard and returns to the shop (${width}px)`, async ({
    page,
    request,
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
    expect(await simulatorPaymentState(request, reference)).toBe('AUTHORIZED');
  });
}

test('rejecting in the app aborts the payment and still returns to the shop', async ({ page, request }) => {
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
  expect(await simulatorPaymentState(request, reference)).toBe('ABORTED');
});

test('a magic test amount fails in the app and leaves the payment open', async ({ page, request }) => {
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
  expect(await simulatorPaymentState(request, reference)).toBe('CREATED');
});
