/**
 * Helpers for the profile-sharing tests: a payment with a `profile.scope`, the simulated app's forms as a browser
 * without JavaScript posts them, and the Userinfo API through the contract-checked client.
 */
import { expect } from 'vitest';
import { paymentBody, SUBSCRIPTION_KEY, type ApiResult, type HeaderOverrides, type SimApi } from './sim-client';

export const DEMO_PHONE = '4791234567';
export const RETURN_URL = 'http://localhost:3000/checkout/return?order=42';

/** Creates a WEB_REDIRECT payment asking for `scope` (none when null) and returns its reference and link token. */
export async function createWithScope(api: SimApi, scope: string | null, overrides: Record<string, unknown> = {}) {
  const body = paymentBody({ returnUrl: RETURN_URL, ...(scope !== null && { profile: { scope } }), ...overrides });
  const res = await api.create(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const token = new URL(res.body.redirectUrl ?? '').searchParams.get('token') ?? '';
  return { reference: body.reference as string, token, appPath: `/app/${DEMO_PHONE}/payments/${token}` };
}

export const appPathFor = (phone: string, token: string) => `/app/${phone}/payments/${token}`;

export const postForm = (api: SimApi, path: string, form: Record<string, string> = {}) =>
  fetch(api.url + path, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

export async function page(api: SimApi, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(api.url + path);
  return { status: res.status, text: await res.text() };
}

/** The `<section class="consent">` of an app screen, or null. */
export const consentCard = (html: string): string | null =>
  /<section class="consent"[\s\S]*?<\/section>/.exec(html)?.[0] ?? null;

/** The `<dt>` labels of the consent card, in order. */
export const claimLabels = (html: string): string[] =>
  [...(consentCard(html) ?? '').matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1] ?? '');

export const hasButton = (html: string, label: string): boolean =>
  new RegExp(`<button[^>]*>${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</button>`).test(html);

/** Accept the consent card for the demo phone, then approve: the shopper's whole path to AUTHORIZED. */
export async function shareAndApprove(api: SimApi, appPath: string): Promise<void> {
  expect((await postForm(api, `${appPath}/consent`, { decision: 'accept' })).status).toBe(303);
  expect((await postForm(api, `${appPath}/approve`)).status).toBe(303);
}

/** `GET /vipps-userinfo-api/userinfo/{sub}`, contract-checked; `headers` override the merchant's defaults. */
export async function userinfo(
  api: SimApi,
  sub: string,
  headers: HeaderOverrides = {},
): Promise<ApiResult<Record<string, unknown>>> {
  const res = await api.request<Record<string, unknown>>('userinfo', 'GET', `/vipps-userinfo-api/userinfo/${sub}`, {
    headers: {
      Authorization: `Bearer ${await api.token()}`,
      'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY,
      'Merchant-Serial-Number': api.msn,
      ...headers,
    },
  });
  // The spec lists this media type for every answer, errors included.
  if (res.status !== 429) expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  return res;
}

/** The sub of an AUTHORIZED payment (GetPayment `profile.sub`). */
export async function subOf(api: SimApi, reference: string): Promise<string> {
  const payment = await api.get(reference);
  expect(payment.body.state).toBe('AUTHORIZED');
  const sub = payment.body.profile.sub;
  if (!sub) throw new Error(`no profile.sub on ${reference}`);
  return sub;
}
