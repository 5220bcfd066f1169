import { expect, type Page } from '@playwright/test';
import { DEMO_STAFF } from '@/lib/server/env/demo-staff';
import type { StaffRole } from '@/lib/server/auth/roles';

/**
 * The demo staff accounts seeded while the Vipps host is the local simulator (printed by `npm run dev`), read
 * from their one home, lib/server/env/demo-staff.ts. A viewer reads everything; an operator may also move money.
 */
export function demoStaff(role: StaffRole): { email: string; password: string } {
  const account = DEMO_STAFF.find((staff) => staff.role === role);
  if (!account) throw new Error(`no demo staff account has the role ${role}`);
  return { email: account.email, password: account.password };
}

/** Signs in through the real form and waits for the admin page `returnTo` (or where it redirects within it). */
export async function signIn(page: Page, role: StaffRole, returnTo = '/admin') {
  const { email, password } = demoStaff(role);
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith(returnTo.split('?')[0]!));
}
