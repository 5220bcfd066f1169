// Every staff page at a phone's, a tablet's and a desktop's width, after the money moves a shop makes: a partial
// capture then a refund, a partial capture whose rest was released, a cancel. The pictures are attached to the
// report (and kept in test-results/) so a person can look at them; the checks fail on what a person would see,
// softly, so one run names every page that is wrong.
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test, type ReservedOrder } from './support/fixtures';

const WIDTHS = [390, 768, 1280] as const;

async function move(page: Page, order: ReservedOrder, kind: 'capture' | 'refund' | 'cancel', amountOre?: number) {
  const response = await page.request.post(`/api/admin/payments/${order.reference}/${kind}`, {
    data: amountOre === undefined ? {} : { amountOre },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Wider than the window: the page scrolls sideways, and what is past the edge is out of sight. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** True when the element's box lies inside the window's width (not clipped off to the right or left). */
async function insideWidth(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth + 0.5;
    }),
  );
}

/** Labels (one word, no spaces) that the layout broke across lines: "pspRefe|rence" at 390 px. */
async function labelsBrokenMidWord(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('dt, th, label')]
      .filter((element) => {
        const text = element.textContent?.trim() ?? '';
        // A stacked table's header row is visually hidden (a 1 px box): nobody reads it on screen.
        const hiddenHeader = (element.closest('thead')?.getBoundingClientRect().width ?? 2) <= 1;
        if (text === '' || /\s/.test(text) || hiddenHeader) return false;
        // The lines the text itself occupies (not its box, which a grid row may stretch).
        const range = document.createRange();
        range.selectNodeContents(element);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
        return new Set(tops).size > 1;
      })
      .map((element) => element.textContent?.trim()),
  );
}

test('every staff page reads at 390, 768 and 1280 px without sideways scrolling', async ({
  page,
  reserveOrder,
  signInAs,
}, testInfo) => {
  test.setTimeout(240_000);
  const refunded = await reserveOrder({ phoneNumber: '4791234567' });
  const released = await reserveOrder();
  const cancelled = await reserveOrder();
  await signInAs('operator');
  await move(page, refunded, 'capture', 50_000);
  await move(page, refunded, 'refund', 20_000);
  await move(page, released, 'capture', 30_000);
  await move(page, released, 'cancel');
  await move(page, cancelled, 'cancel');

  const pages = [
    { name: 'dashboard', path: '/admin' },
    { name: 'orders', path: '/admin/orders' },
    { name: 'order-refunded', path: refunded.path },
    { name: 'order-released', path: released.path },
    { name: 'order-released-money', path: `${released.path}?tab=money` },
    { name: 'order-cancelled-staff', path: `${cancelled.path}?tab=staff` },
    { name: 'order-api-log', path: `${refunded.path}?tab=api-log` },
    { name: 'order-webhooks', path: `${refunded.path}?tab=webhooks` },
    { name: 'api-log', path: '/admin/api-log' },
    { name: 'webhooks', path: '/admin/webhooks' },
    { name: 'sessions', path: '/admin/sessions' },
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const { name, path } of pages) {
      await test.step(`${name} at ${width} px`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const picture = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}-${width}.png`) });
        await testInfo.attach(`${name}-${width}`, { body: picture, contentType: 'image/png' });
        expect.soft(await horizontalOverflow(page), `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        expect.soft(await labelsBrokenMidWord(page), `labels broken mid-word at ${width} px`).toEqual([]);
        // Staff pages have the staff header: never the shopper's cart.
        await expect(page.getByTestId('cart-badge')).toHaveCount(0);
        if (name === 'orders') {
          const row = page.getByTestId(`order-row-${released.orderNumber}`);
          await expect(row).toContainText('Captured, rest released');
          const cells = ['th', '[data-label="Status"]', '[data-label="Total"]'].map(
            (cell) => `[data-testid="order-row-${released.orderNumber}"] ${cell}`,
          );
          for (const cell of cells) {
            expect.soft(await insideWidth(page, cell), `${cell} in sight at ${width} px`).toEqual([true]);
          }
        }
        if (name === 'order-cancelled-staff') {
          const results = await insideWidth(page, '[data-testid="audit-result"]');
          expect.soft(results.length, 'the staff actions show their results').toBeGreaterThan(0);
          expect.soft(results, `every staff action's result is in sight at ${width} px`).not.toContain(false);
        }
        if (name === 'dashboard') {
          // The chart opens on today (its last day), never on the oldest, empty end.
          const days = page.locator('[data-testid="takings-chart"] g[data-day]');
          expect
            .soft(await insideWidth(page, '[data-testid="takings-chart"] g[data-day]:last-of-type'))
            .toEqual([true]);
          expect(await days.count()).toBe(14);
        }
        if (name.startsWith('order-') && !path.includes('?')) {
          // The lines table's amounts and the total are what staff check before capturing.
          const amounts = await insideWidth(page, '[data-testid="order-lines"] [data-column="amount"]');
          expect.soft(amounts.length, 'the lines table has an amount column').toBeGreaterThan(1);
          expect.soft(amounts, `every amount of the lines table is in sight at ${width} px`).not.toContain(false);
        }
      });
    }
  }
  await page.setViewportSize({ width: 390, height: 900 });
  // On a phone the staff sections fold behind an accessible menu button.
  await page.goto('/admin/orders');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'Webhook inbox' })).toBeHidden();
  await menu.click();
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: 'Webhook inbox' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Webhook');
  for (const { path } of pages) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});
