import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';
import { REFERENCE, fakeStatus, paymentStatus, problem, seedCart } from './support/shop-fakes';

// Every shop page at 390 px and 1280 px (a phone and a laptop), with no serious or critical axe violation —
// the /return outcome screens included. Each screen is also saved to .screenshots/ (gitignored) for review.

const SCREENSHOTS = '.screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

interface Screen {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
  setup?: (page: Page) => Promise<unknown>;
}

const byTestId = (id: string) => async (page: Page) => expect(page.getByTestId(id)).toBeVisible();
const withCart = (page: Page) =>
  seedCart(page, [
    { sku: 'fjord-mug', quantity: 2 },
    { sku: 'brunost', quantity: 3 },
    { sku: 'jotunheimen-guide', quantity: 1 },
  ]);
const withStatus =
  (...args: Parameters<typeof paymentStatus>) =>
  async (page: Page) => {
    await withCart(page);
    await fakeStatus(page, [paymentStatus(...args)]);
  };
const returnPath = `/return?reference=${REFERENCE}`;

const SCREENS: Screen[] = [
  { name: 'home', path: '/', ready: async (p) => expect(p.getByTestId('cart-count')).toHaveText('0') },
  { name: 'product', path: '/products/roros-blanket', ready: byTestId('add-to-cart') },
  {
    name: 'product-not-found',
    path: '/products/nope',
    ready: async (p) => expect(p.getByText('Page not found')).toBeVisible(),
  },
  { name: 'cart-empty', path: '/cart', ready: byTestId('cart-empty') },
  {
    name: 'cart',
    path: '/cart',
    setup: (p) =>
      seedCart(p, [
        { sku: 'fjord-mug', quantity: 2 },
        { sku: 'brunost', quantity: 3 },
        { sku: 'gone', quantity: 1 },
      ]),
    ready: byTestId('unknown-items-notice'),
  },
  { name: 'checkout', path: '/checkout', setup: withCart, ready: byTestId('pay-with-vipps') },
  {
    name: 'checkout-errors',
    path: '/checkout',
    setup: async (p) => {
      await withCart(p);
      await p.route('**/api/checkout', (route) =>
        route.fulfill(
          problem(400, 'Some fields are not valid', {
            detail: 'Check the fields marked in red.',
            errors: [{ path: 'phoneNumber', message: 'Vipps does not know this number.' }],
          }),
        ),
      );
    },
    ready: async (p) => {
      await p.getByLabel('Mobile number (optional)').fill('4791234567');
      await p.getByTestId('pay-with-vipps').click();
      await expect(p.getByTestId('checkout-error')).toBeVisible();
    },
  },
  { name: 'return-waiting', path: returnPath, setup: withStatus('pending'), ready: byTestId('order-number') },
  {
    name: 'return-still-checking',
    path: returnPath,
    setup: async (p) => {
      await p.clock.install();
      await withStatus('pending')(p);
    },
    ready: async (p) => {
      await expect(p.getByTestId('order-number')).toBeVisible();
      await p.clock.fastForward('02:05');
      await expect(p.getByTestId('payment-still-checking')).toBeVisible();
    },
  },
  { name: 'return-paid', path: returnPath, setup: withStatus('paid'), ready: byTestId('payment-paid') },
  { name: 'return-cancelled', path: returnPath, setup: withStatus('cancelled'), ready: byTestId('payment-cancelled') },
  { name: 'return-expired', path: returnPath, setup: withStatus('expired'), ready: byTestId('payment-expired') },
  {
    name: 'return-terminated',
    path: returnPath,
    setup: withStatus('terminated'),
    ready: byTestId('payment-terminated'),
  },
  {
    name: 'return-needs-attention',
    path: returnPath,
    setup: withStatus('needs_attention'),
    ready: byTestId('payment-needs-attention'),
  },
  {
    name: 'return-newer-attempt',
    path: returnPath,
    setup: withStatus('cancelled', { canRetry: false, newerReference: 'fb-e2e-ref-0002' }),
    ready: byTestId('newer-attempt-link'),
  },
  {
    name: 'return-not-found',
    path: returnPath,
    setup: (p) => fakeStatus(p, [404]),
    ready: byTestId('payment-not-found'),
  },
];

for (const width of [390, 1280]) {
  test.describe(`at ${width}px`, () => {
    for (const screen of SCREENS) {
      test(`${screen.name}: no serious or critical axe violations`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await screen.setup?.(page);
        await page.goto(screen.path);
        await screen.ready(page);
        // Nothing may stick out sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await expectNoSeriousA11yViolations(page);
        // Lazy images below the fold would be blank in a full-page screenshot.
        await page.evaluate(() =>
          Promise.all(
            [...document.images].map((img) => {
              img.loading = 'eager';
              return img.decode().catch(() => undefined);
            }),
          ),
        );
        await page.screenshot({ path: `${SCREENSHOTS}/${screen.name}-${width}.png`, fullPage: true });
      });
    }
  });
}
