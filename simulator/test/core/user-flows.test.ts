// User flows (BRIEF §4.2): each flow's redirectUrl, the QR image, and PUSH_MESSAGE waiting in the phone's app.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paymentBody, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

async function redirectUrlOf(overrides: Record<string, unknown>): Promise<string | undefined> {
  const res = await api.create(paymentBody(overrides));
  expect(res.status).toBe(201);
  return res.body.redirectUrl;
}

const qr = { userFlow: 'QR', returnUrl: undefined };

describe('redirectUrl per user flow', () => {
  it('WEB_REDIRECT → the landing page under the public URL, also returned by GetPayment', async () => {
    const body = paymentBody();
    const res = await api.create(body);
    expect(res.body.redirectUrl).toMatch(new RegExp(`^${api.url}/landing\\?token=[\\w-]+$`));
    expect((await api.get(body.reference as string)).body.redirectUrl).toBe(res.body.redirectUrl);
  });

  it('NATIVE_REDIRECT → a vippsmt:// deep link whose token also opens the landing page', async () => {
    const url = await redirectUrlOf({ userFlow: 'NATIVE_REDIRECT' });
    expect(url).toMatch(/^vippsmt:\/\/\?token=[\w-]+$/);
    const token = new URL(url ?? '').searchParams.get('token') ?? '';
    const landing = await fetch(`${api.url}/landing?token=${token}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Fjellbutikken');
  });

  it('QR (default SVG) → /qr/v1 serving an SVG image', async () => {
    const url = await redirectUrlOf(qr);
    expect(url).toMatch(new RegExp(`^${api.url}/qr/v1\\?token=[\\w-]+$`));
    const image = await fetch(url ?? '');
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toMatch(/^<svg/);
  });

  it('QR with IMAGE/PNG → a PNG of the requested size', async () => {
    const url = await redirectUrlOf({ ...qr, qrFormat: { format: 'IMAGE/PNG', size: 300 } });
    const image = await fetch(url ?? '');
    expect(image.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(300); // IHDR width
  });

  it('QR size outside 100-2000 is a schema 400', async () => {
    const res = await api.create(paymentBody({ ...qr, qrFormat: { format: 'IMAGE/PNG', size: 50 } }));
    expect(res.status).toBe(400);
  });

  it('qrFormat without its required format is a schema 400 naming qrFormat.format', async () => {
    const res = await api.create(paymentBody({ ...qr, qrFormat: { size: 300 } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ extraDetails: [{ name: 'qrFormat.format' }] });
  });

  it('QR with TEXT/TARGETURL → the landing URL itself', async () => {
    expect(await redirectUrlOf({ ...qr, qrFormat: { format: 'TEXT/TARGETURL' } })).toMatch(
      new RegExp(`^${api.url}/landing\\?token=`),
    );
  });

  it('unknown QR token → 404', async () => {
    expect((await fetch(`${api.url}/qr/v1?token=nope`)).status).toBe(404);
  });

  it('PUSH_MESSAGE → no redirectUrl; the payment waits in the app of that phone', async () => {
    const body = paymentBody({
      userFlow: 'PUSH_MESSAGE',
      returnUrl: undefined,
      customer: { phoneNumber: '4798765432' },
    });
    const res = await api.create(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ reference: body.reference });
    const app = await (await fetch(`${api.url}/app/4798765432`)).text();
    expect(app).toContain('249,00 kr');
    expect(app).toMatch(/href="\/app\/4798765432\/payments\/[\w-]+"/);
    expect(await (await fetch(`${api.url}/app/4711111111`)).text()).toContain('No payments are waiting');
  });

  it('a public URL given explicitly is used for links', async () => {
    const other = await startTestSimulator({ publicUrl: 'https://vipps-sim.example.test/' });
    try {
      const res = await other.create(paymentBody());
      expect(res.body.redirectUrl).toMatch(/^https:\/\/vipps-sim\.example\.test\/landing\?token=/);
    } finally {
      await other.running.close();
    }
  });
});

describe('force approve', () => {
  it('accepts {customer:{phoneNumber}} or {token}, and answers 200 with an empty body', async () => {
    const a = paymentBody();
    await api.create(a);
    const byPhone = await api.forceApprove(a.reference as string, { customer: { phoneNumber: '4712345678' } });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body).toBeUndefined();
    const b = paymentBody({ userFlow: 'QR', returnUrl: undefined });
    const created = await api.create(b);
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token');
    expect((await api.forceApprove(b.reference as string, { token })).status).toBe(200);
    expect((await api.get(b.reference as string)).body.state).toBe('AUTHORIZED');
  });
});
