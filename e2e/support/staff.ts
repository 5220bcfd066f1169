import { expect, type Page } from '@playwright/test';

/**
 * The demo staff accounts seeded while the Vipps host is the local simulator (printed by `npm run dev`;
 * lib/server/auth/demo-staff.ts). A viewer reads everything; an operator may also move money.
 */
export const DEMO_STAFF = {
  operator: { email: 'operator@example.com', password: 'vipps-demo-operator' },
  viewer: { email: 'viewer@example.com', password: 'vipps-demo-viewer' },
} as const;
export type DemoRole = keyof typeof DEMO_STAFF;

/** Signs in through the real form and waits for the admin page `returnTo` (or where it redirects within it). */
export async function signInAs(page: Page, role: DemoRole, returnTo = '/admin') {
  const { email, password } = DEMO_STAFF[role];
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith(returnTo.split('?')[0]!));
}
