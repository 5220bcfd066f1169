// The consent card of the simulated app (profile sharing), driven by plain form posts as a browser without JS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type SimApi } from '../support/sim-client';
import {
  appPathFor,
  claimLabels,
  consentCard,
  createWithScope,
  DEMO_PHONE,
  hasButton,
  page,
  postForm,
  RETURN_URL,
  subOf,
} from '../support/profile';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

const state = async (reference: string) => (await api.get(reference)).body.state;
const DECLINED_TEXT =
  'You did not share your information, so this payment cannot be approved. Reject it, or review the request again.';

describe('consent card', () => {
  it('lists exactly the requested claims with the user’s values, offers both choices, and no Approve yet', async () => {
    const { appPath } = await createWithScope(api, 'email name');
    const { status, text } = await page(api, appPath);
    expect(status).toBe(200);
    const card = consentCard(text) ?? '';
    expect(card).toContain('aria-labelledby="consent-heading"');
    expect(card).toContain('<h2 id="consent-heading">Share your information with Fjellbutikken?</h2>');
    // Canonical order (name before e-mail), only the two asked for.
    expect(claimLabels(text)).toEqual(['Name', 'E-mail']);
    expect(card).toContain('<dd>Kari Nordmann</dd>');
    expect(card).toContain('<dd>kari.nordmann@example.no</dd>');
    expect(card).not.toMatch(/Storgata|1990-05-17/);
    expect(card).toContain('Fjellbutikken gets this information after you approve the payment.');
    expect(card).toMatch(/<form method="post" action="[^"]*\/consent">/);
    expect(card).toMatch(
      /<button type="submit" name="decision" value="accept" class="primary">Share and continue<\/button>/,
    );
    expect(card).toMatch(
      /<button type="submit" name="decision" value="decline" class="secondary">Don't share<\/button>/,
    );
    expect(hasButton(text, 'Approve')).toBe(false);
    expect(hasButton(text, 'Reject')).toBe(true);
  });

  it('every scope word has its row: address with its line break, phone, birth date', async () => {
    const { appPath } = await createWithScope(api, 'name address email phoneNumber birthDate');
    const { text } = await page(api, appPath);
    expect(claimLabels(text)).toEqual(['Name', 'Address', 'E-mail', 'Phone number', 'Birth date']);
    expect(text).toContain('<dd>Storgata 1<br>0155 Oslo</dd>');
    expect(text).toContain(`<dd>${DEMO_PHONE}</dd>`);
    expect(text).toContain('<dd>1990-05-17</dd>');
  });

  it('shows the values of the phone whose app it is', async () => {
    await api.controls.users.put('4798765432', { given_name: 'Per', family_name: 'Hansen' });
    const { token } = await createWithScope(api, 'name');
    expect((await page(api, appPathFor('4798765432', token))).text).toContain('<dd>Per Hansen</dd>');
  });

  it('approve before consent → 409 with the card and an error notice; the payment stays CREATED', async () => {
    const { appPath, reference } = await createWithScope(api, 'name email');
    const res = await postForm(api, `${appPath}/approve`);
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(consentCard(text)).not.toBeNull();
    expect(text).toMatch(/<div class="notice bad" role="alert">[^<]*first choose whether to share/);
    expect(hasButton(text, 'Approve')).toBe(false);
    expect(await state(reference)).toBe('CREATED');
  });

  it('decline: a notice, Reject and Review the request, no Approve; approving is still refused, rejecting works', async () => {
    const { appPath, reference } = await createWithScope(api, 'name');
    const declined = await postForm(api, `${appPath}/consent`, { decision: 'decline' });
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toBe(appPath);
    const { text } = await page(api, appPath);
    expect(text).toContain(`<div class="notice bad" role="alert">${DECLINED_TEXT}</div>`);
    expect(hasButton(text, 'Review the request')).toBe(true);
    expect(hasButton(text, 'Reject')).toBe(true);
    expect(hasButton(text, 'Approve')).toBe(false);
    expect(consentCard(text)).toBeNull();
    expect((await api.controls.payment(reference)).profileConsent).toMatchObject({
      decision: 'declined',
      phoneNumber: DEMO_PHONE,
      via: 'app',
    });

    expect((await postForm(api, `${appPath}/approve`)).status).toBe(409);
    expect(await state(reference)).toBe('CREATED');
    const rejected = await postForm(api, `${appPath}/reject`);
    expect(rejected.status).toBe(303);
    expect(rejected.headers.get('location')).toBe(RETURN_URL);
    expect(await state(reference)).toBe('ABORTED');
  });

  it('Review the request brings the card back after declining', async () => {
    const { appPath } = await createWithScope(api, 'name');
    await postForm(api, `${appPath}/consent`, { decision: 'decline' });
    expect((await postForm(api, `${appPath}/consent`, { decision: 'review' })).status).toBe(303);
    const { text } = await page(api, appPath);
    expect(claimLabels(text)).toEqual(['Name']);
    expect(text).not.toContain(DECLINED_TEXT);
  });

  it('accept: Approve and Reject with a "You share" line; approve → AUTHORIZED with a sub, consent recorded', async () => {
    const { appPath, reference } = await createWithScope(api, 'name email address');
    expect((await postForm(api, `${appPath}/consent`, { decision: 'accept' })).status).toBe(303);
    const { text } = await page(api, appPath);
    expect(consentCard(text)).toBeNull();
    expect(text).toContain('<p class="muted">You share: name, address, e-mail.</p>');
    expect(hasButton(text, 'Approve')).toBe(true);
    expect(hasButton(text, 'Reject')).toBe(true);
    expect(await state(reference)).toBe('CREATED');

    const approved = await postForm(api, `${appPath}/approve`);
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(RETURN_URL);
    expect(await subOf(api, reference)).toBeTruthy();
    expect((await api.controls.payment(reference)).profileConsent).toMatchObject({
      decision: 'accepted',
      phoneNumber: DEMO_PHONE,
      via: 'app',
    });
  });

  it('a consent given in another phone’s app does not count for this phone', async () => {
    const { token } = await createWithScope(api, 'name');
    await postForm(api, `${appPathFor('4798765432', token)}/consent`, { decision: 'accept' });
    expect(consentCard((await page(api, appPathFor(DEMO_PHONE, token))).text)).not.toBeNull();
  });

  it('a phone path that is no MSISDN cannot consent, so it cannot approve either', async () => {
    const { token, reference } = await createWithScope(api, 'name');
    const path = appPathFor('not-a-phone', token);
    expect((await postForm(api, `${path}/consent`, { decision: 'accept' })).status).toBe(400);
    expect((await postForm(api, `${path}/approve`)).status).toBe(409);
    expect((await api.controls.payment(reference)).profileConsent).toBeNull();
  });

  it('an unknown decision is a 400 that changes nothing', async () => {
    const { appPath } = await createWithScope(api, 'name');
    expect((await postForm(api, `${appPath}/consent`, { decision: 'maybe' })).status).toBe(400);
    expect((await postForm(api, `${appPath}/consent`)).status).toBe(400);
    expect(consentCard((await page(api, appPath)).text)).not.toBeNull();
  });

  it('without a scope, or with only openid, the screen is as before: Approve and Reject, no card', async () => {
    for (const scope of [null, 'openid']) {
      const { appPath, reference } = await createWithScope(api, scope);
      const { text } = await page(api, appPath);
      expect(consentCard(text)).toBeNull();
      expect(text).not.toContain('You share');
      expect(hasButton(text, 'Approve')).toBe(true);
      expect((await postForm(api, `${appPath}/approve`)).status).toBe(303);
      expect(await state(reference)).toBe('AUTHORIZED');
    }
  });

  it('force approve and the control approve of a payment with a scope count as consent given', async () => {
    const forced = await createWithScope(api, 'name');
    expect((await api.forceApprove(forced.reference, { customer: { phoneNumber: DEMO_PHONE } })).status).toBe(200);
    expect(await subOf(api, forced.reference)).toBeTruthy();
    expect((await api.controls.payment(forced.reference)).profileConsent).toMatchObject({
      decision: 'accepted',
      phoneNumber: DEMO_PHONE,
      via: 'test-approve',
    });
    const controlled = await createWithScope(api, 'email');
    await api.controls.approve(controlled.reference, { phoneNumber: '4798765432' });
    expect((await api.controls.payment(controlled.reference)).profileConsent).toMatchObject({
      decision: 'accepted',
      phoneNumber: '4798765432',
    });
  });

  it('a declined test amount after consent keeps the "You share" screen', async () => {
    const { appPath } = await createWithScope(api, 'name', { amount: { currency: 'NOK', value: 151 } });
    await postForm(api, `${appPath}/consent`, { decision: 'accept' });
    const text = await (await postForm(api, `${appPath}/approve`)).text();
    expect(text).toContain('Payment failed');
    expect(text).toContain('You share: name.');
    expect(hasButton(text, 'Approve')).toBe(true);
  });
});
