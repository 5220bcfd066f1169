import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { APP_URL } from './support/servers';
import { createSimulatorPayment } from './support/simulator-api';

// The simulator's consent card (profile sharing): what the shop's own specs click through, so it must work by
// keyboard alone, pass axe, and fit a 390 px phone as well as a desktop.

const DECLINED =
  'You did not share your information, so this payment cannot be approved. Reject it, or review the request again.';

async function scopedPayment(request: Parameters<typeof createSimulatorPayment>[0], label: string, scope: string) {
  const reference = `e2e-consent-${label}-${Date.now()}`;
  const returnUrl = `${APP_URL}/?reference=${reference}`;
  const { redirectUrl } = await createSimulatorPayment(request, {
    reference,
    amount: { currency: 'NOK', value: 24900 },
    paymentMethod: { type: 'WALLET' },
    userFlow: 'WEB_REDIRECT',
    returnUrl,
    paymentDescription: 'Fjord enamel mug',
    customer: { phoneNumber: '4791234567' },
    profile: { scope },
  });
  return { reference, returnUrl, redirectUrl: redirectUrl! };
}

for (const width of [1280, 390]) {
  test(`the consent card lists what is shared, then Approve by keyboard returns to the shop (${width}px)`, async ({
    page,
    request,
    sim,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const { reference, returnUrl, redirectUrl } = await scopedPayment(request, `accept-${width}`, 'name email address');
    await page.goto(redirectUrl);
    await page.getByRole('button', { name: 'Next' }).click();

    const card = page.getByRole('region', { name: 'Share your information with Fjellbutikken?' });
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('Share your information with Fjellbutikken?');
    await expect(card.getByRole('term')).toHaveText(['Name', 'Address', 'E-mail']);
    await expect(card.getByRole('definition')).toHaveText([
      'Kari Nordmann',
      'Storgata 10155 Oslo',
      'kari.nordmann@example.no',
    ]);
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reject' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `screenshots/app-consent-${width}.png`, fullPage: true });

    await page.getByRole('button', { name: 'Share and continue' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('You share: name, address, e-mail.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(returnUrl);
    const payment = await sim.payment(reference);
    expect(payment.state).toBe('AUTHORIZED');
    expect(payment.profile.sub).toBeTruthy();
  });
}

test('declining leaves the payment unapproved; the shopper can review the request or reject', async ({
  page,
  request,
  sim,
}) => {
  await page.setViewportSize({ width: 390, height: 900 });
  const { reference, returnUrl, redirectUrl } = await scopedPayment(request, 'decline', 'name');
  await page.goto(redirectUrl);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "Don't share" }).click();

  await expect(page.getByRole('alert')).toHaveText(DECLINED);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect((await sim.payment(reference)).state).toBe('CREATED');

  await page.getByRole('button', { name: 'Review the request' }).click();
  await expect(page.getByRole('region', { name: 'Share your information with Fjellbutikken?' })).toBeVisible();
  await page.getByRole('button', { name: "Don't share" }).click();
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page).toHaveURL(returnUrl);
  expect((await sim.payment(reference)).state).toBe('ABORTED');
});
