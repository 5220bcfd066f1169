// The landing page and the simulated app, driven by plain HTTP form posts as a browser without JS would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf, paymentBody, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

const RETURN_URL = 'http://localhost:3000/checkout/return?order=42';

async function createWeb(overrides: Record<string, unknown> = {}) {
  const body = paymentBody({ returnUrl: RETURN_URL, ...overrides });
  const res = await api.create(body);
  expect(res.status).toBe(201);
  const token = new URL(res.body.redirectUrl ?? `${api.url}/?token=`).searchParams.get('token') ?? '';
  return { reference: body.reference as string, token };
}

const post = (path: string, form: Record<string, string> = {}) =>
  fetch(api.url + path, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
const html = async (path: string) => {
  const res = await fetch(api.url + path);
  return { status: res.status, text: await res.text() };
};
const state = async (reference: string) => (await api.get(reference)).body.state;

/** Landing page "Next" with a phone number → the app screen path. */
async function openApp(token: string, phoneNumber = '4791234567'): Promise<string> {
  const next = await post('/landing/next', { token, phoneNumber });
  expect(next.status).toBe(303);
  return next.headers.get('location') ?? '';
}

describe('landing page', () => {
  it('shows merchant, amount in Norwegian format, description and the prefilled phone number', async () => {
    const { token } = await createWeb({ customer: { phoneNumber: '4791234567' } });
    const { status, text } = await html(`/landing?token=${token}`);
    expect(status).toBe(200);
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('Fjellbutikken');
    expect(text).toContain('249,00 kr');
    expect(text).toContain('Hiking boots');
    expect(text).toMatch(/<label for="phoneNumber">/);
    expect(text).toMatch(/<input id="phoneNumber"[^>]*value="4791234567"/);
    expect(text).toMatch(/<button type="submit"[^>]*>Next<\/button>/);
    expect(text).not.toMatch(/<script|<link|src="http/);
  });

  it('formats thousands the Norwegian way', async () => {
    const { token } = await createWeb({ amount: { currency: 'NOK', value: 1_234_500 } });
    expect((await html(`/landing?token=${token}`)).text).toMatch(/12\s345,00 kr/);
  });

  it('an invalid phone number re-renders the page with an error (400), changing nothing', async () => {
    const { token, reference } = await createWeb();
    const res = await post('/landing/next', { token, phoneNumber: '12' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('aria-invalid="true"');
    expect(text).toContain('role="alert"');
    expect(await state(reference)).toBe('CREATED');
  });

  it('accepts a Norwegian number typed with spaces and +47, and sends the payment to that app', async () => {
    const { token } = await createWeb();
    expect(await openApp(token, '+47 912 34 567')).toBe(`/app/4791234567/payments/${token}`);
    expect((await html('/app/4791234567')).text).toContain(`/app/4791234567/payments/${token}`);
  });

  it('approve → AUTHORIZED and 303 to returnUrl', async () => {
    const { token, reference } = await createWeb();
    const app = await openApp(token);
    const screen = await html(app);
    expect(screen.text).toMatch(/<button type="submit" class="primary">Approve<\/button>/);
    const res = await post(`${app}/approve`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(RETURN_URL);
    expect(await state(reference)).toBe('AUTHORIZED');
  });

  it('reject → ABORTED and 303 to returnUrl', async () => {
    const { token, reference } = await createWeb();
    const res = await post(`${await openApp(token)}/reject`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(RETURN_URL);
    expect(await state(reference)).toBe('ABORTED');
  });

  it('without a returnUrl, a "go back to the shop" screen', async () => {
    const body = paymentBody({ userFlow: 'QR', returnUrl: undefined });
    const created = await api.create(body);
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token') ?? '';
    const res = await post(`${await openApp(token)}/approve`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('go back to the shop');
  });

  it('just leaving the page changes nothing; the payment expires later', async () => {
    const { token, reference } = await createWeb();
    await openApp(token);
    expect(await state(reference)).toBe('CREATED');
    await api.advanceClock(600);
    api.forgetToken();
    expect(await state(reference)).toBe('EXPIRED');
  });

  it('a final payment shows a clear page; posting to it changes nothing (409)', async () => {
    const { token, reference } = await createWeb();
    const app = await openApp(token);
    await post(`${app}/approve`);
    expect((await html(`/landing?token=${token}`)).text).toContain('already been approved');
    expect((await post(`${app}/reject`)).status).toBe(409);
    expect(await state(reference)).toBe('AUTHORIZED');
  });

  it('a payment cancelled while the Approve form was still uploading gets the 409 page, not a 500', async () => {
    const { token, reference } = await createWeb();
    const app = await openApp(token);
    // A form body that arrives slowly, so the shop's cancel lands between the request and its body.
    let send: (chunk: string | null) => void = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        send = (chunk) => (chunk === null ? controller.close() : controller.enqueue(new TextEncoder().encode(chunk)));
      },
    });
    const approving = fetch(api.url + `${app}/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: stream,
      redirect: 'manual',
      duplex: 'half',
    } as RequestInit);
    send('x=');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await api.cancel(reference)).status).toBe(200);
    send('1');
    send(null);
    const res = await approving;
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('cancelled by the shop');
    expect(await state(reference)).toBe('TERMINATED');
  });

  it('an unknown token shows a clear 404 page', async () => {
    const res = await html('/landing?token=unknown');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Unknown payment link');
  });
});

describe('magic test amounts (BRIEF §9)', () => {
  it.each([
    [151, 'Insufficient funds'],
    [182, 'Refused by issuer'],
    [183, 'Suspected fraud'],
    [184, 'Withdrawal limit exceeded'],
    [186, 'Expired card'],
    [187, 'Invalid card'],
    [197, '3-D Secure denied'],
  ])('%i: approving shows "%s" and the payment stays CREATED; rejecting still works', async (value, reason) => {
    const { token, reference } = await createWeb({ amount: { currency: 'NOK', value } });
    const app = await openApp(token);
    const res = await post(`${app}/approve`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(reason);
    expect(await state(reference)).toBe('CREATED');
    expect((await post(`${app}/reject`)).status).toBe(303);
    expect(await state(reference)).toBe('ABORTED');
  });

  it('force approve ignores them', async () => {
    const { reference } = await createWeb({ amount: { currency: 'NOK', value: 151 } });
    expect((await api.forceApprove(reference)).status).toBe(200);
    expect(await state(reference)).toBe('AUTHORIZED');
  });

  it('202 SCA required: an extra confirmation step, then approved', async () => {
    const { token, reference } = await createWeb({ amount: { currency: 'NOK', value: 202 } });
    const app = await openApp(token);
    const first = await post(`${app}/approve`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('name="sca" value="confirmed"');
    expect(await state(reference)).toBe('CREATED');
    const confirmed = await post(`${app}/approve`, { sca: 'confirmed' });
    expect(confirmed.status).toBe(303);
    expect(await state(reference)).toBe('AUTHORIZED');
  });

  it('201 unknown result: processing for an hour (cancel → 423 6250), then EXPIRED', async () => {
    const { token, reference } = await createWeb({ amount: { currency: 'NOK', value: 201 } });
    const app = await openApp(token);
    expect(await (await post(`${app}/approve`)).text()).toContain('being processed');
    await api.advanceClock(30 * 60); // past the normal 10 minutes, still processing
    api.forgetToken();
    expect(await state(reference)).toBe('CREATED');
    const cancel = await api.cancel(reference);
    expect(cancel.status).toBe(423);
    expect(errorCodeOf(cancel.body)).toBe('6250');
    expect((await html(app)).text).toContain('being processed');
    await api.advanceClock(30 * 60);
    api.forgetToken();
    expect(await state(reference)).toBe('EXPIRED');
  });
});
