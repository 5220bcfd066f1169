import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The demo's printed staff login (defaults while the Vipps host is the local simulator).
const STAFF = { email: 'staff@example.com', password: 'vipps-demo-staff' };

test.describe('staff sign-in', () => {
  test('an anonymous visit to /admin lands on the sign-in page', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(STAFF.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Wrong e-mail or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the printed staff login opens the admin page, and sign-out closes it', async ({ page }) => {
    await page.goto('/login?callbackUrl=%2Fadmin');
    await page.getByLabel('E-mail').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByText(`Signed in as ${STAFF.email}`)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });
});
