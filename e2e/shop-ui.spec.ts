import type { Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { FAKE_LANDING, fakeLandingPage, problem, seedCart, started, storedCart } from './support/shop-fakes';

// Catalogue → cart → checkout as a shopper uses them. The shop's payment routes are faked (support/shop-fakes)
// so this pins the pages' own behaviour; the full journey against the real routes and simulator lives elsewhere.

const kr = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

test.describe('cart', () => {
  test('add to cart updates the header count, and the cart survives a reload and a new tab', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 0 items');
    await page.getByRole('link', { name: 'Fjord enamel mug' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fjord enamel mug' })).toBeVisible();
    await expect(page.getByTestId('product-price')).toHaveText(kr('249,00 kr'));
    await expect(page.getByTestId('product-vat')).toHaveText(kr('Including 25 % VAT \\(49,80 kr\\)'));

    await page.getByRole('button', { name: 'Increase quantity of fjord enamel mug' }).click();
    await expect(page.getByTestId('add-quantity')).toHaveValue('2');
    await page.getByTestId('add-to-cart').click();
    await expect(page.getByTestId('add-to-cart-status')).toContainText('Added 2 × Fjord enamel mug');
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 2 items');
    expect(await storedCart(page)).toEqual({ lines: [{ sku: 'fjord-mug', quantity: 2 }] }); // never prices

    await page.reload();
    await expect(page.getByTestId('cart-count')).toHaveText('2');
    // The server's HTML already holds the count (from the cart's count cookie): no "·" until scripts load.
    const html = await (await page.request.get('/')).text();
    expect(html).toMatch(/data-testid="cart-count"[^>]*>2</);

    const other = await context.newPage();
    await other.goto('/cart');
    await expect(other.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 2 items');
    await expect(other.getByTestId('cart-line-fjord-mug')).toBeVisible();

    // A change in one tab shows in the other without a reload (the `storage` event).
    await other.getByRole('button', { name: 'Increase quantity of fjord enamel mug' }).click();
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 3 items');
  });

  test('an unknown product page answers 404', async ({ page }) => {
    const response = await page.goto('/products/no-such-thing');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('line totals, total and the VAT part at each product’s rate; steppers and remove', async ({ page }) => {
    await seedCart(page, [
      { sku: 'fjord-mug', quantity: 2 },
      { sku: 'brunost', quantity: 3 },
      { sku: 'jotunheimen-guide', quantity: 1 },
      { sku: 'discontinued-thing', quantity: 4 },
    ]);
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line-total-fjord-mug')).toHaveText(kr('498,00 kr'));
    await expect(page.getByTestId('cart-line-total-brunost')).toHaveText(kr('269,70 kr'));
    // 49 800 + 26 970 + 32 900 øre; VAT 9 960 (25 %) + 3 518 (15 %) + 0 (books).
    await expect(page.getByTestId('cart-total')).toHaveText(kr('1 096,70 kr'));
    await expect(page.getByTestId('cart-vat')).toHaveText(kr('134,78 kr'));
    await expect(page.getByTestId('unknown-items-notice')).toContainText('1 product in your cart is no longer sold');
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 10 items');

    await page.getByRole('button', { name: 'Remove from cart', exact: true }).click();
    await expect(page.getByTestId('unknown-items-notice')).toHaveCount(0);
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 6 items');

    await page.getByRole('button', { name: 'Decrease quantity of brunost, 500 g' }).click();
    await expect(page.getByTestId('cart-line-total-brunost')).toHaveText(kr('179,80 kr'));
    await page.getByTestId('cart-quantity-fjord-mug').fill('5');
    await page.getByTestId('cart-quantity-fjord-mug').press('Enter');
    await expect(page.getByTestId('cart-line-total-fjord-mug')).toHaveText(kr('1 245,00 kr'));
    await page.getByRole('button', { name: 'Remove Jotunheimen hiking guide from cart' }).click();
    await expect(page.getByTestId('cart-line-jotunheimen-guide')).toHaveCount(0);
    await expect(page.getByTestId('cart-total')).toHaveText(kr('1 424,80 kr'));
    await expect(page.getByTestId('cart-badge')).toHaveAccessibleName('Cart, 7 items');

    await page.getByRole('button', { name: 'Remove Fjord enamel mug from cart' }).click();
    await page.getByRole('button', { name: 'Remove Brunost, 500 g from cart' }).click();
    await expect(page.getByTestId('cart-empty')).toBeVisible();
  });
});

test.describe('checkout', () => {
  test.beforeEach(async ({ page }) => {
    await seedCart(page, [
      { sku: 'fjord-mug', quantity: 2 },
      { sku: 'brunost', quantity: 1 },
    ]);
    await fakeLandingPage(page);
  });

  test('a bad mobile number is explained next to the field, and nothing is sent', async ({ page }) => {
    const posts: Request[] = [];
    await page.route('**/api/checkout', (route) => {
      posts.push(route.request());
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(started()) });
    });
    await page.goto('/checkout');
    await expect(page.getByTestId('summary-total')).toHaveText(kr('587,90 kr'));
    await expect(page.getByTestId('summary-vat')).toHaveText(kr('111,33 kr'));
    const phone = page.getByLabel('Mobile number (optional)');
    await phone.fill('12345');
    await page.getByTestId('pay-with-vipps').click();
    await expect(page.getByTestId('phone-error')).toHaveText(
      'Enter a mobile number such as 912 34 567 or +47 912 34 567.',
    );
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAttribute('aria-describedby', /checkout-phone-error/);
    await expect(phone).toBeFocused();
    // Said once: the hint under the field does not repeat the error above it.
    await expect(page.getByText('Enter a mobile number such as 912 34 567', { exact: false })).toHaveCount(1);
    expect(posts).toHaveLength(0);
    await phone.fill('912');
    await expect(page.getByTestId('phone-error')).toHaveCount(0); // editing clears the stale message
  });

  test('Pay with Vipps: locked while pending, one POST for a double click, then off to Vipps', async ({ page }) => {
    const posts: Request[] = [];
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/checkout', async (route) => {
      posts.push(route.request());
      await answered;
      await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(started()) });
    });
    await page.goto('/checkout');
    await page.getByLabel('Mobile number (optional)').fill('912 34 567');
    const pay = page.getByTestId('pay-with-vipps');
    await pay.dblclick();
    await expect(pay).toBeDisabled();
    await expect(pay).toHaveText('Contacting Vipps…');
    await pay.click({ force: true });
    answer();
    await page.waitForURL(`${FAKE_LANDING}**`);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.method()).toBe('POST');
    expect(post.headers()['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(post.headers()['content-type']).toBe('application/json');
    expect(post.postDataJSON()).toEqual({
      items: [
        { sku: 'fjord-mug', quantity: 2 },
        { sku: 'brunost', quantity: 1 },
      ],
      phoneNumber: '912 34 567',
      shareProfile: true, // the default: share name, e-mail, phone and address from Vipps
    });
    expect(page.url()).toBe(`${FAKE_LANDING}?ref=${started().reference}`);
  });

  test('a network failure keeps the key for the retry; a changed phone number gets a new one', async ({ page }) => {
    const keys: string[] = [];
    await page.route('**/api/checkout', (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return keys.length <= 2
        ? route.abort('connectionreset')
        : route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(started()) });
    });
    await page.goto('/checkout');
    const pay = page.getByTestId('pay-with-vipps');
    await pay.click();
    await expect(page.getByTestId('checkout-error')).toContainText('We could not reach the shop.');
    await expect(pay).toBeEnabled();
    await page.reload(); // even a reload keeps it: the key lives in sessionStorage with the request it belongs to
    await page.getByTestId('pay-with-vipps').click();
    await expect(page.getByTestId('checkout-error')).toContainText('We could not reach the shop.');
    expect(keys[1]).toBe(keys[0]);
    await page.getByLabel('Mobile number (optional)').fill('+47 912 34 567');
    await page.getByTestId('pay-with-vipps').click();
    await page.waitForURL(`${FAKE_LANDING}**`);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test('a problem response is shown with its field errors, and the shopper can try again', async ({ page }) => {
    let calls = 0;
    await page.route('**/api/checkout', (route) => {
      calls += 1;
      if (calls === 1) {
        return route.fulfill(
          problem(400, 'Some fields are not valid', {
            detail: 'Check the fields marked in red.',
            errors: [
              { path: 'phoneNumber', message: 'Vipps does not know this number.' },
              { path: 'items.0.quantity', message: 'Only 1 left in stock.' },
            ],
          }),
        );
      }
      if (calls === 2)
        return route.fulfill(problem(502, 'Vipps is not answering', { detail: 'Try again in a minute.' }));
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(started()) });
    });
    await page.goto('/checkout');
    await page.getByLabel('Mobile number (optional)').fill('4791234567');
    await page.getByTestId('pay-with-vipps').click();
    await expect(page.getByTestId('phone-error')).toHaveText('Vipps does not know this number.');
    await expect(page.getByTestId('checkout-error')).toContainText('Some fields are not valid');
    await expect(page.getByTestId('checkout-error')).toContainText('Only 1 left in stock.');
    await page.getByTestId('pay-with-vipps').click();
    await expect(page.getByTestId('checkout-error')).toContainText('Vipps is not answering');
    await expect(page.getByTestId('checkout-error')).toContainText('Try again in a minute.');
    await expect(page.getByTestId('summary-line-fjord-mug')).toBeVisible(); // nothing lost
    await page.getByTestId('pay-with-vipps').click();
    await page.waitForURL(`${FAKE_LANDING}**`);
  });

  test('a checkout refused for too many attempts says to wait, not to fix anything', async ({ page }) => {
    // The body and header the checkout limit sends (lib/server/http/rate-limit.ts).
    await page.route('**/api/checkout', (route) =>
      route.fulfill({
        ...problem(429, 'Too many checkouts from your address', {
          code: 'too_many_attempts',
          detail: 'Wait 42 seconds before trying again.',
        }),
        headers: { 'retry-after': '42' },
      }),
    );
    await page.goto('/checkout');
    await page.getByTestId('pay-with-vipps').click();
    const said = page.getByTestId('checkout-error');
    await expect(said).toContainText('Too many checkouts from your address');
    await expect(said).toContainText('Wait 42 seconds before trying again.');
    await expect(said).toContainText('nothing was charged');
    await expect(said).not.toContainText('Fix what is shown');
    await expect(page.getByTestId('pay-with-vipps')).toBeEnabled();
  });

  test('an empty cart has nothing to pay', async ({ page }) => {
    await page.addInitScript(() => localStorage.removeItem('fjellbutikken.cart.v1'));
    await page.goto('/checkout');
    await expect(page.getByTestId('cart-empty')).toBeVisible();
    await expect(page.getByTestId('pay-with-vipps')).toHaveCount(0);
  });
});
