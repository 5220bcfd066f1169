import { expect, test } from './support/fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';

test.describe('home page', () => {
  test('renders the seeded catalogue with prices from the server', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /gear for the norwegian outdoors/i })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Fjord enamel mug' })).toBeVisible();
    // 24900 øre from the seeded catalogue, formatted for Norway.
    await expect(page.getByTestId('price-fjord-mug')).toHaveText(/249,00/);
    await expect(page.getByRole('listitem')).toHaveCount(8);
    // Each card leads to the product's own page.
    await expect(page.getByRole('link', { name: 'Fjord enamel mug' })).toHaveAttribute('href', '/products/fjord-mug');
  });

  for (const width of [1280, 390]) {
    test(`has no serious or critical accessibility violations at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  }
});
