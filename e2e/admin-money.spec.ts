import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { RESERVED_ORDER_TOTAL_ORE as TOTAL_ORE, expect, signIn, test, type ReservedOrder } from './support/fixtures';

// Staff moving money on the order page, against the real handlers and the simulator.
// Every test makes its own order: Vipps allows 5 captures/refunds/cancels a minute per payment reference.

const TOTAL = '1 027,00 kr'; // two aurora prints (449,00) and a coffee (129,00)

/** An operator on the order page, showing the payment's money panel. */
async function operatorOn(page: Page, order: ReservedOrder): Promise<Locator> {
  await signIn(page, 'operator', order.path);
  const panel = page.getByTestId(`money-panel-${order.reference}`);
  await expect(panel.getByTestId('money-authorized')).toHaveText(TOTAL);
  return panel;
}

/** Fill an amount (null = keep the capture's default, all that is left), check the sentence, confirm. */
async function move(panel: Locator, kind: 'capture' | 'refund', amount: string | null, sentence: string) {
  if (amount !== null) await panel.getByLabel(`Amount to ${kind} (kr)`).fill(amount);
  await panel.getByRole('button', { name: kind === 'capture' ? 'Capture…' : 'Refund…' }).click();
  await expect(panel.getByTestId('money-confirm-text')).toHaveText(sentence);
  await panel.getByRole('button', { name: `Confirm ${kind}` }).click();
}

const figure = (panel: Locator, key: string) => panel.getByTestId(`money-${key}`);

test.describe('staff move money', () => {
  test('an operator signs in to the order page and out again', async ({ page, reservedOrder: order }) => {
    const panel = await operatorOn(page, order);
    await expect(panel.getByRole('button', { name: 'Capture…' })).toBeVisible();
    await page.goto('/admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(order.path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    const refused = await page.request.post(`/api/admin/payments/${order.reference}/capture`, { data: {} });
    expect(refused.status()).toBe(401);
  });

  test('a viewer sees the amounts but no money buttons, and the API refuses the viewer with 403', async ({
    page,
    reservedOrder: order,
    signInAs,
    sim,
  }) => {
    await signInAs('viewer', order.path);
    const panel = page.getByTestId(`money-panel-${order.reference}`);
    await expect(figure(panel, 'capturable')).toHaveText(TOTAL);
    await expect(panel.getByRole('button')).toHaveCount(0);
    await expect(panel).toContainText('need the operator role');
    for (const action of ['capture', 'refund', 'cancel']) {
      const response = await page.request.post(`/api/admin/payments/${order.reference}/${action}`, { data: {} });
      expect(response.status(), action).toBe(403);
    }
    expect((await sim.payment(order.reference)).events.map((e) => e.name)).not.toContain('CAPTURED');
  });

  test('capture 40 % then the rest; after that cancel is not offered, with the reason', async ({
    page,
    reservedOrder: order,
    sim,
  }) => {
    const panel = await operatorOn(page, order);
    await move(panel, 'capture', '410,80', 'Capture 410,80 kr; 616,20 kr stays reserved.');
    await expect(panel.getByTestId('money-result')).toHaveText('Captured 410,80 kr.');
    await expect(panel.getByTestId('money-result')).toBeFocused();
    await expect(figure(panel, 'captured')).toHaveText('410,80 kr');
    await expect(figure(panel, 'capturable')).toHaveText('616,20 kr');
    // The default is now all that is left: "the rest".
    await expect(panel.getByLabel('Amount to capture (kr)')).toHaveValue('616,20');
    await move(panel, 'capture', null, 'Capture 616,20 kr; nothing stays reserved.');
    await expect(panel.getByTestId('money-result')).toHaveText('Captured 616,20 kr.');
    await expect(figure(panel, 'captured')).toHaveText(TOTAL);
    await expect(panel.getByTestId('money-cancel-blocked')).toContainText('Refund instead');
    await expect(panel.getByRole('button', { name: 'Cancel reservation…' })).toHaveCount(0);
    const captured = (await sim.payment(order.reference)).events.filter((e) => e.name === 'CAPTURED');
    expect(captured.map((e) => e.amount.value)).toEqual([41080, 61620]);
  });

  test('keyboard only: type, review, confirm and land on the result; axe finds nothing serious', async ({
    page,
    reservedOrder: order,
  }) => {
    const panel = await operatorOn(page, order);
    await panel.getByLabel('Amount to capture (kr)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('123,45');
    await page.keyboard.press('Enter');
    const confirm = panel.getByRole('button', { name: 'Confirm capture' });
    await expect(confirm).toBeFocused();
    await expect(confirm).toHaveAccessibleDescription(/^Capture 123,45\skr; 903,55\skr stays reserved\.$/);
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    const result = panel.getByTestId('money-result');
    await expect(result).toHaveText('Captured 123,45 kr.');
    await expect(result).toBeFocused();
    await expect(figure(panel, 'captured')).toHaveText('123,45 kr');
    await expectNoSeriousA11yViolations(page);
  });

  test('refund part then the rest', async ({ page, reservedOrder: order }) => {
    const panel = await operatorOn(page, order);
    await move(panel, 'capture', null, `Capture ${TOTAL}; nothing stays reserved.`);
    await expect(figure(panel, 'refundable')).toHaveText(TOTAL);
    // A refund is typed on purpose: the form never offers to give back everything with one click.
    await expect(panel.getByLabel('Amount to refund (kr)')).toHaveValue('');
    await move(panel, 'refund', '100', 'Refund 100,00 kr to the customer; 927,00 kr stays refundable.');
    await expect(panel.getByTestId('money-result')).toHaveText('Refunded 100,00 kr to the customer.');
    await expect(figure(panel, 'refunded')).toHaveText('100,00 kr');
    await expect(panel.getByLabel('Amount to refund (kr)')).toHaveValue('');
    await move(panel, 'refund', '927', 'Refund 927,00 kr to the customer; nothing stays refundable.');
    await expect(figure(panel, 'refunded')).toHaveText(TOTAL);
    await expect(panel.getByText('Everything captured has been refunded.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Refund…' })).toHaveCount(0);
    await expect(figure(panel, 'refundable')).toHaveText('0,00 kr');
  });

  test('cancel after a partial capture releases only the remainder', async ({ page, reservedOrder: order, sim }) => {
    const panel = await operatorOn(page, order);
    await move(panel, 'capture', '250', 'Capture 250,00 kr; 777,00 kr stays reserved.');
    await expect(figure(panel, 'captured')).toHaveText('250,00 kr');
    await panel.getByRole('button', { name: 'Cancel reservation…' }).click();
    await panel.getByLabel('Note (optional)').last().fill('Customer wants only the prints');
    await expect(panel.getByTestId('money-confirm-text')).toHaveText(
      'Cancel: 777,00 kr stops being reserved; 250,00 kr already captured is not affected.',
    );
    await panel.getByRole('button', { name: 'Confirm cancel' }).click();
    await expect(panel.getByTestId('money-result')).toHaveText('Cancelled: 777,00 kr is no longer reserved.');
    await expect(figure(panel, 'cancelled')).toHaveText('777,00 kr');
    await expect(figure(panel, 'captured')).toHaveText('250,00 kr');
    await expect(figure(panel, 'capturable')).toHaveText('0,00 kr');
    await expect(figure(panel, 'refundable')).toHaveText('250,00 kr');
    const cancelled = (await sim.payment(order.reference)).events.filter((e) => e.name === 'CANCELLED');
    expect(cancelled.map((e) => e.amount.value)).toEqual([77700]);
  });

  test('over-capture and over-refund are refused with a clear message', async ({ page, reservedOrder: order, sim }) => {
    const panel = await operatorOn(page, order);
    await panel.getByLabel('Amount to capture (kr)').fill('1 100');
    await panel.getByRole('button', { name: 'Capture…' }).click();
    await expect(panel.getByTestId('money-capture-error')).toHaveText(
      'Capture of 1 100,00 kr is more than the 1 027,00 kr that can still be captured.',
    );
    await expect(panel.getByLabel('Amount to capture (kr)')).toBeFocused();
    await expect(panel.getByTestId('money-confirm-text')).toHaveCount(0);
    // The server says the same under its lock, whatever a browser sends.
    const overCapture = await page.request.post(`/api/admin/payments/${order.reference}/capture`, {
      data: { amountOre: TOTAL_ORE + 1 },
    });
    expect(overCapture.status()).toBe(409);
    const refusal = (await overCapture.json()) as { code: string; detail: string };
    expect(refusal.code).toBe('conflict');
    expect(refusal.detail.replace(/\s/g, ' ')).toBe(
      'Capture of 1 027,01 kr is more than the 1 027,00 kr that can still be captured.',
    );

    await move(panel, 'capture', '300', 'Capture 300,00 kr; 727,00 kr stays reserved.');
    await expect(figure(panel, 'refundable')).toHaveText('300,00 kr');
    await panel.getByLabel('Amount to refund (kr)').fill('300,01');
    await panel.getByRole('button', { name: 'Refund…' }).click();
    await expect(panel.getByTestId('money-refund-error')).toHaveText(
      'Refund of 300,01 kr is more than the 300,00 kr that can still be refunded.',
    );
    const overRefund = await page.request.post(`/api/admin/payments/${order.reference}/refund`, {
      data: { amountOre: 30001 },
    });
    expect(overRefund.status()).toBe(409);
    const body = (await overRefund.json()) as { detail: string };
    expect(body.detail.replace(/\s/g, ' ')).toBe(
      'Refund of 300,01 kr is more than the 300,00 kr that can still be refunded.',
    );
    expect((await sim.payment(order.reference)).events.filter((e) => e.name === 'REFUNDED')).toHaveLength(0);
  });

  test('an injected 500 followed by success captures exactly once', async ({ page, reservedOrder: order, sim }) => {
    const panel = await operatorOn(page, order);
    await sim.faults.add({ operation: 'capture', reference: order.reference, kind: 'status', status: 500 });
    await move(panel, 'capture', '500', 'Capture 500,00 kr; 527,00 kr stays reserved.');
    await expect(panel.getByTestId('money-result')).toHaveText('Captured 500,00 kr.');
    await expect(figure(panel, 'captured')).toHaveText('500,00 kr');
    const captured = (await sim.payment(order.reference)).events.filter((e) => e.name === 'CAPTURED');
    expect(captured.map((e) => e.amount.value)).toEqual([50000]);
  });

  // What staff read when Vipps refuses, when the outcome is unknown, and when the shop never
  // answers. The server's side of each is proved against the simulator in tests/integration/orders/
  // staff-money.test.ts; here the shop's answer is faked so the browser's wording is pinned, and the page is
  // then reloaded from the real server, where nothing moved.
  test('a Vipps refusal, an unknown outcome and no answer at all are each said plainly', async ({
    page,
    reservedOrder: order,
    sim,
  }) => {
    const panel = await operatorOn(page, order);
    const answers = [
      { operationId: 1, status: 'rejected', amountOre: 10_000, vippsCode: '1302', vippsTitle: 'Capture failed' },
      { operationId: 2, status: 'unknown', amountOre: 10_000, vippsCode: null, vippsTitle: null },
    ];
    await page.route(`**/api/admin/payments/${order.reference}/capture`, async (route) => {
      const answer = answers.shift();
      if (!answer) return route.abort('connectionreset');
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
    });
    const result = panel.getByTestId('money-result');

    await move(panel, 'capture', '100', 'Capture 100,00 kr; 927,00 kr stays reserved.');
    await expect(result).toHaveAttribute('data-tone', 'refused');
    await expect(result).toContainText('Vipps refused it: Capture failed (code 1302).');
    await expect(result).toContainText('Nothing was changed.');

    await move(panel, 'capture', '100', 'Capture 100,00 kr; 927,00 kr stays reserved.');
    await expect(result).toHaveAttribute('data-tone', 'unknown');
    await expect(result).toContainText('Outcome unknown — do not repeat it; press Check with Vipps.');

    await move(panel, 'capture', '100', 'Capture 100,00 kr; 927,00 kr stays reserved.');
    await expect(result).toHaveAttribute('data-tone', 'unknown');
    await expect(result).toContainText('No answer from the shop — do not repeat it.');
    await expect(result).toContainText('Reload the page');

    await page.reload();
    await expect(figure(panel, 'captured')).toHaveText('0,00 kr');
    expect((await sim.payment(order.reference)).events.filter((e) => e.name === 'CAPTURED')).toEqual([]);
  });

  test('two staff capture everything at the same moment: exactly one succeeds, the other is told why', async ({
    browser,
    baseURL,
    reservedOrder: order,
    sim,
  }) => {
    const staff = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
    const pages = await Promise.all(staff.map((context) => context.newPage()));
    const panels = await Promise.all(pages.map((p) => operatorOn(p, order)));
    for (const panel of panels) {
      await panel.getByRole('button', { name: 'Capture…' }).click();
      await expect(panel.getByTestId('money-confirm-text')).toHaveText(`Capture ${TOTAL}; nothing stays reserved.`);
    }
    await Promise.all(panels.map((panel) => panel.getByRole('button', { name: 'Confirm capture' }).click()));
    const results = panels.map((panel) => panel.getByTestId('money-result'));
    for (const result of results) await expect(result).toBeVisible();
    const tones = await Promise.all(results.map((r) => r.getAttribute('data-tone')));
    expect([...tones].sort()).toEqual(['problem', 'success']);
    const loser = results[tones.indexOf('problem')]!;
    await expect(loser).toContainText('Cannot capture');
    await expect(loser).toContainText('Nothing is left to capture');
    // The loser's page re-read the ledger: it now shows what the winner did.
    await expect(figure(panels[tones.indexOf('problem')]!, 'captured')).toHaveText(TOTAL);
    const captured = (await sim.payment(order.reference)).events.filter((e) => e.name === 'CAPTURED');
    expect(captured).toHaveLength(1);
    await Promise.all(staff.map((context) => context.close()));
  });
});
