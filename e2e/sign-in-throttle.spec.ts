import type { APIRequestContext } from '@playwright/test';
import { demoStaff, expect, test } from './support/fixtures';

// Review finding: wrong passwords were not throttled (hundreds of guesses per second were answered).
// Each test uses its own client address (x-forwarded-for, the nearest hop) and account, so that the other
// specs' sign-ins are not slowed down.
const FREE_ACCOUNT_ATTEMPTS = 5;
// The e2e database outlives a run (and counts stay for the throttle window), so each run takes its own /24.
const NET = `10.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function guess(request: APIRequestContext, email: string, address: string) {
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    headers: { 'x-forwarded-for': address },
    form: { email, password: 'wrong-password-guess', csrfToken: csrf.csrfToken, json: 'true' },
    maxRedirects: 0,
  });
}

test.describe('sign-in throttling', () => {
  test('a burst of wrong passwords gets 429 with Retry-After after the free attempts', async ({ request }) => {
    const email = `guess-${Date.now()}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < FREE_ACCOUNT_ATTEMPTS + 3; i++)
      statuses.push((await guess(request, email, `${NET}.20`)).status());
    expect(statuses.slice(0, FREE_ACCOUNT_ATTEMPTS + 1)).toEqual(Array(FREE_ACCOUNT_ATTEMPTS + 1).fill(401));
    expect(statuses.at(-1)).toBe(429);
    const refused = await guess(request, email, `${NET}.21`);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'too_many_attempts' });
  });

  test('the sign-in form says to wait', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `${NET}.30` } });
    const page = await context.newPage();
    await page.goto('/login');
    const email = `form-guess-${Date.now()}@example.com`;
    const wait = 'Too many sign-in attempts. Wait a minute, then try again.';
    // Delays start at 1 s and double. On a busy machine one form round trip can take longer than the first
    // delay, so the next guess is counted rather than refused; a few more guesses always meet a delay.
    for (let i = 0; i < FREE_ACCOUNT_ATTEMPTS + 8; i++) {
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
      const said = await page.getByTestId('login-error').textContent();
      if (i < FREE_ACCOUNT_ATTEMPTS) expect(said).toBe('Wrong e-mail or password.');
      else if (said === wait) break;
    }
    await expect(page.getByTestId('login-error')).toHaveText(wait);
    await context.close();
  });

  test("another address's guesses at the staff account do not lock out a browser that signed in before", async ({
    browser,
    request,
  }) => {
    const staff = demoStaff('operator');
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `${NET}.40` } });
    const page = await context.newPage();
    const signIn = async () => {
      await page.goto('/login');
      await page.getByLabel('E-mail').fill(staff.email);
      await page.getByLabel('Password').fill(staff.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/admin$/);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    };
    await signIn(); // this browser now holds a device cookie for the account
    const statuses: number[] = [];
    for (let i = 0; i < FREE_ACCOUNT_ATTEMPTS + 3; i++) {
      statuses.push((await guess(request, staff.email, `${NET}.${50 + i}`)).status());
    }
    expect(statuses).toContain(429); // the attacker is slowed down…
    await signIn(); // …the staff member is not.
    await context.close();
  });
});
