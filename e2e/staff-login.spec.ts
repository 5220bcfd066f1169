import { expectNoSeriousA11yViolations } from './support/axe';
import { demoStaff, expect, test } from './support/fixtures';

// The demo's printed operator login (seeded while the Vipps host is the local simulator).
const STAFF = demoStaff('operator');

test.describe('staff sign-in', () => {
  test('an anonymous visit to /admin lands on the sign-in page', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
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
    await expect(page).toHaveURL(/\/admin/);
    await expect(page.getByText(`Signed in as ${STAFF.email}`)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the viewer account signs in too, and is a viewer', async ({ page, signInAs }) => {
    await signInAs('viewer', '/admin');
    await expect(page.getByText(`Signed in as ${demoStaff('viewer').email}`)).toBeVisible();
    await expect(page.getByTestId('staff-role')).toHaveText('viewer');
  });

  test('a password from the old environment login no longer opens /admin', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('staff@example.com');
    await page.getByLabel('Password').fill('vipps-demo-staff');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Wrong e-mail or password.');
  });
});

test.describe('sign-in redirect', () => {
  // Review finding: `/%5C` and `/%09/` start with one slash but browsers read them as `//evil.example`.
  for (const callback of ['/%5Cevil.example', '/%09/evil.example', '//evil.example', 'https://evil.example/']) {
    test(`callbackUrl=${callback} stays on the shop after sign-in`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${callback}`);
      await page.getByLabel('E-mail').fill(STAFF.email);
      await page.getByLabel('Password').fill(STAFF.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(`${baseURL}/admin`); // the admin home, the dashboard
    });
  }
});
