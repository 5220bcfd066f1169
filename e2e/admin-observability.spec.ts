import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  RESERVED_ORDER_TOTAL_ORE as TOTAL_ORE,
  demoStaff,
  expect,
  signIn,
  test,
  type ReservedOrder,
} from './support/fixtures';
import { PHONE, moveMoney, postForgedDelivery, tileOre } from './support/observability';

// Staff follow a payment through the Vipps API log and the webhook inbox, read the
// dashboard and export CSVs. The e2e database is shared by every spec, so figures are compared before/after.
// Each test pays an order through the simulator's landing page first, hence the longer budget. The orders carry
// a phone number, so the API log's redaction of it is checked on real bodies.
test.describe.configure({ timeout: 90_000 });

/** Capture 300 kr (the first attempt answered 500), refund 100 kr, cancel the rest — as an operator. */
async function fullStory(page: Page, sim: SimulatorControl, order: ReservedOrder): Promise<ReservedOrder> {
  await signIn(page, 'operator', order.path);
  await sim.faults.add({ operation: 'capture', reference: order.reference, kind: 'status', status: 500 });
  await moveMoney(page.request, order.reference, 'capture', 30_000);
  await moveMoney(page.request, order.reference, 'refund', 10_000);
  await moveMoney(page.request, order.reference, 'cancel');
  return order;
}

test.describe('Vipps API log and webhook inbox', () => {
  test('the order page shows create → get → capture (500, then retried) → refund → cancel, redacted', async ({
    page,
    reserveOrder,
    sim,
  }) => {
    const order = await fullStory(page, sim, await reserveOrder({ phoneNumber: PHONE }));
    await page.goto(order.path);
    await page.getByRole('link', { name: 'Vipps API log' }).last().click();
    await expect(page).toHaveURL(`${order.path}?tab=api-log`);
    await expect(page.getByRole('link', { name: 'Vipps API log', exact: true }).last()).toHaveAttribute(
      'aria-current',
      'page',
    );
    const rows = page.getByTestId('api-log-entry');
    // The recorder writes after the call's tick: the last row (cancel) may need a reload to be there.
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-testid="api-log-entry"][data-step="cancel"]')).toHaveCount(1);
    }).toPass();

    const steps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    const money = steps.filter((s) => s !== 'get payment' && s !== 'get events');
    expect(money).toEqual(['create payment', 'capture', 'capture', 'refund', 'cancel']);
    expect(steps.indexOf('get payment')).toBeGreaterThan(steps.indexOf('create payment'));
    expect(steps.indexOf('get payment')).toBeLessThan(steps.indexOf('capture'));

    const captures = page.locator('[data-testid="api-log-entry"][data-step="capture"]');
    await expect(captures.nth(0).getByTestId('api-log-status')).toHaveText('500');
    await expect(captures.nth(0).getByTestId('api-log-attempt')).toHaveText('1');
    await expect(captures.nth(1).getByTestId('api-log-status')).toHaveText('200');
    await expect(captures.nth(1).getByTestId('api-log-retry')).toHaveText('retry 2');
    const key = await captures.nth(0).getByTestId('api-log-key').textContent();
    expect(key).toBeTruthy();
    await expect(captures.nth(1).getByTestId('api-log-key')).toHaveText(key!);

    const retried = captures.nth(1);
    await retried.getByText('Request and response bodies').click();
    const requestBody = retried.getByRole('region', { name: /^Request body/ });
    await expect(requestBody).toBeVisible();
    await expect(requestBody).toContainText('"modificationAmount"');
    await expect(requestBody).toContainText('30000');

    // Every body, open or closed: the shopper's number is never there in full.
    const logText = (await page.getByTestId('api-log').textContent()) ?? '';
    expect(logText).not.toContain(PHONE);
    expect(logText).not.toContain(PHONE.slice(2));
    await expect(page.getByRole('link', { name: 'full API log' })).toHaveAttribute('href', '/admin/api-log');
  });

  test('the inbox lists the order’s deliveries and a forged one as refused; operators process one again', async ({
    page,
    browser,
    baseURL,
    reserveOrder,
    sim,
  }) => {
    const order = await fullStory(page, sim, await reserveOrder({ phoneNumber: PHONE }));
    const mine = page.locator(`[data-testid="webhook-delivery"][data-reference="${order.reference}"]`);
    await page.goto('/admin/webhooks?filter=accepted');
    await expect(async () => {
      await page.reload();
      await expect(mine.filter({ hasText: 'CANCELLED' })).toHaveCount(1);
    }).toPass();
    for (const name of ['AUTHORIZED', 'CAPTURED', 'REFUNDED', 'CANCELLED']) {
      await expect(mine.filter({ hasText: name }).first()).toContainText('Verified');
    }
    await expect(mine.first().getByTestId('webhook-order')).toContainText(order.orderNumber);

    await postForgedDelivery(page.request, order.reference);
    await page.goto('/admin/webhooks?filter=refused');
    const forged = mine.first();
    await expect(forged).toContainText('Refused: bad signature');
    await expect(forged.getByTestId('webhook-order')).toContainText(`claims ${order.reference}`);
    await expect(forged.getByRole('button', { name: 'Process again' })).toHaveCount(0);

    await page.goto('/admin/webhooks?filter=accepted');
    const captured = mine.filter({ hasText: 'CAPTURED' }).first();
    const deliveryId = await captured.getAttribute('data-delivery-id');
    await captured.getByRole('button', { name: 'Process again' }).click();
    await expect(captured.getByTestId('reprocess-status')).toHaveText('Processed again: order brought up to date.');
    await expect(captured.getByTestId('webhook-result')).toHaveText('order brought up to date');
    // Who processed it again is in the order's staff log, like any other staff action.
    await page.goto(order.path);
    const logged = page.getByTestId('audit-log').getByRole('row', { name: /Process webhook again/ });
    await expect(logged).toContainText(demoStaff('operator').email);
    await expect(logged).toContainText(`Delivery ${deliveryId} (CAPTURED)`);

    const viewerContext = await browser.newContext({ baseURL });
    const viewer = await viewerContext.newPage();
    await signIn(viewer, 'viewer', '/admin/webhooks?filter=accepted');
    await expect(viewer.getByTestId('webhook-delivery').first()).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Process again' })).toHaveCount(0);
    const refused = await viewer.request.post(`/api/admin/webhooks/${deliveryId}/reprocess`, { data: {} });
    expect(refused.status()).toBe(403);
    await viewerContext.close();
  });
});

test.describe('dashboard and exports', () => {
  test('the tiles move by exactly what was captured, refunded and reserved; tiles link to filtered lists', async ({
    page,
    reserveOrder,
    signInAs,
  }) => {
    await signInAs('operator', '/admin');
    const before = {
      today: await tileOre(page, 'takings-today'),
      week: await tileOre(page, 'takings-7'),
      reserved: await tileOre(page, 'reserved'),
    };
    const settled = await reserveOrder({ phoneNumber: PHONE });
    await moveMoney(page.request, settled.reference, 'capture', 40_000);
    await moveMoney(page.request, settled.reference, 'refund', 15_000);
    await moveMoney(page.request, settled.reference, 'cancel');
    const open = await reserveOrder({ phoneNumber: PHONE });

    await page.goto('/admin');
    expect(await tileOre(page, 'takings-today')).toBe(before.today + 25_000);
    expect(await tileOre(page, 'takings-7')).toBe(before.week + 25_000);
    expect(await tileOre(page, 'reserved')).toBe(before.reserved + TOTAL_ORE);

    await page.getByRole('link', { name: /Reserved, not captured/ }).click();
    await expect(page).toHaveURL('/admin/orders?reservation=open');
    await expect(page.getByTestId('reservation-filter')).toContainText('Money still reserved');
    await expect(page.getByRole('link', { name: open.orderNumber })).toBeVisible();
    await expect(page.getByRole('link', { name: settled.orderNumber })).toHaveCount(0);

    await page.goto('/admin');
    await page.getByRole('link', { name: /Reserved over \d+ days/ }).click();
    await expect(page).toHaveURL('/admin/orders?reservation=stale');
    await expect(page.getByTestId('reservation-filter')).toContainText('Reservations older than 7 days');
    await expect(page.getByRole('link', { name: open.orderNumber })).toHaveCount(0);
    await page.getByRole('link', { name: 'Remove filter: Reservations older than 7 days' }).click();
    await expect(page).toHaveURL('/admin/orders');
  });

  test('both CSVs download from the orders page with ISO times and amounts in øre and kr', async ({
    page,
    reserveOrder,
    signInAs,
  }) => {
    const order = await reserveOrder({ phoneNumber: PHONE });
    await signInAs('viewer', '/admin/orders');
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    };
    const orders = await download('Download orders (CSV)');
    expect(orders.name).toMatch(/^fjellbutikken-orders-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const orderLines = orders.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(orderLines[0]).toBe(
      'order_number,created_at,status,currency,reference,vipps_state,total_ore,total_kr,vat_ore,vat_kr,' +
        'authorized_ore,authorized_kr,captured_ore,captured_kr,refunded_ore,refunded_kr,cancelled_ore,cancelled_kr',
    );
    const row = orderLines.find((l) => l.startsWith(`${order.orderNumber},`))!.split(',');
    expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    expect(row.slice(4, 8)).toEqual([order.reference, 'AUTHORIZED', String(TOTAL_ORE), '1027.00']);

    const operations = await download('Download money operations (CSV)');
    const opLines = operations.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(opLines[0]).toMatch(
      /^operation_id,created_at,completed_at,order_number,reference,kind,currency,amount_ore,amount_kr,/,
    );
    const create = opLines.find((l) => l.includes(`,${order.orderNumber},${order.reference},create,`))!.split(',');
    expect(create[1]).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(create.slice(6, 9)).toEqual(['NOK', String(TOTAL_ORE), '1027.00']);
  });
});

test.describe('accessibility of the new pages', () => {
  test('axe finds nothing serious at 1280 and 768 px; the tab switch and a body work by keyboard', async ({
    page,
    reserveOrder,
    signInAs,
  }) => {
    const order = await reserveOrder({ phoneNumber: PHONE });
    await signInAs('viewer', order.path);
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/admin', '/admin/webhooks', '/admin/api-log', `${order.path}?tab=api-log`]) {
        await page.goto(path);
        // One body open, so its contents are checked too.
        await page.locator('details').evaluateAll((all) => all.slice(0, 1).forEach((d) => d.setAttribute('open', '')));
        await expectNoSeriousA11yViolations(page);
      }
    }

    await page.goto(order.path);
    await page.getByRole('link', { name: 'Timeline', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Vipps API log', exact: true }).last()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${order.path}?tab=api-log`);
    const summary = page.getByText('Request and response bodies').first();
    await expect(summary).toBeVisible();
    for (let i = 0; i < 80 && !(await summary.evaluate((s) => s === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('region', { name: /^Request body/ }).first()).toBeFocused();
  });
});
