import { expect, signIn, test } from './support/fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';

// A staff member signed in on a second device (a shared or lost phone, say) ends that session from the first:
// the phone is signed out at its next request, whatever cookie it kept.
test('a staff member sees where they are signed in and ends another session', async ({ browser }) => {
  const marker = `e2e-phone-${Date.now()}`;
  const phoneAgent = `Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1 ${marker}`;
  const laptop = await browser.newContext();
  const phone = await browser.newContext({ userAgent: phoneAgent });
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await signIn(phonePage, 'viewer');
  await signIn(laptopPage, 'viewer', '/admin/sessions');

  await expect(laptopPage.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  const sessions = laptopPage.getByTestId('session');
  await expect(sessions.filter({ hasText: 'This session' })).toHaveCount(1);
  const phoneRow = sessions.filter({ has: laptopPage.locator(`[title*="${marker}"]`) });
  await expect(phoneRow).toContainText('Safari on iOS');

  for (const width of [390, 1280]) {
    await laptopPage.setViewportSize({ width, height: 900 });
    const overflow = await laptopPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await expect(phoneRow.getByRole('button', { name: /^End session/ })).toBeVisible();
    await expectNoSeriousA11yViolations(laptopPage);
  }

  await phoneRow.getByRole('button', { name: /^End session/ }).click();
  await expect(phoneRow).toHaveCount(0);
  await expect(sessions.filter({ hasText: 'This session' })).toHaveCount(1);

  // The phone's cookie is still there, and opens nothing any more.
  expect((await phonePage.request.get('/api/admin/sessions')).status()).toBe(401);
  await phonePage.goto('/admin');
  await expect(phonePage).toHaveURL(/\/login/);
  // The laptop is still signed in.
  expect((await laptopPage.request.get('/api/admin/sessions')).status()).toBe(200);
  await laptop.close();
  await phone.close();
});

test('signing out ends the session: a cookie copied before sign-out gets 401 afterwards', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'operator');
  const saved = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await page.request.get('/api/admin/sessions', { headers: { cookie: saved } });
  expect(replay.status()).toBe(401);
  expect(await replay.json()).toMatchObject({ code: 'unauthenticated' });
  await context.close();
});
