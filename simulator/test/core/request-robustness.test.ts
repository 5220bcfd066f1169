// Hostile request bodies get 400/413 Problems at parse time, never a 500, and never
// a state change that the answer does not report.
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/server';
import { paymentBody, problemOf, reference, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('request bodies', () => {
  it('a body over 1 MiB is refused with a 413 Problem, and nothing is created', async () => {
    const body = paymentBody({ paymentDescription: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await api.create(body);
    expect(res.status).toBe(413);
    expect(problemOf(res.body)).toMatchObject({ status: 413, title: 'Payload Too Large' });
    expect((await api.get(body.reference as string)).status).toBe(404);
  });

  it('a body sent without Content-Length (chunked) is cut off at the same limit', async () => {
    // node:http, not fetch: the simulator answers 413 mid-upload, and fetch reports only the broken upload.
    const { hostname, port } = new URL(api.url);
    const answer = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      const req = request({ hostname, port, path: '/_sim/faults', method: 'POST' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once('drain', pump);
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['create', () => api.create(undefined, { rawBody: nested(10_000) })],
    [
      'capture',
      async () =>
        api.request('epayment', 'POST', `/epayment/v1/payments/${await api.authorizedPayment()}/capture`, {
          rawBody: nested(10_000),
          headers: await api.apiHeaders({}, 'capture-key-1'),
        }),
    ],
  ])('JSON nested 10 000 deep is a 400 Problem on %s (was a stack overflow: 500)', async (_name, call) => {
    const res = await call();
    expect(res.status).toBe(400);
    expect(problemOf(res.body).extraDetails?.[0]?.reason).toMatch(/nested deeper than 64/);
  });

  it('JSON nested to the limit is still parsed (and then validated as usual)', async () => {
    const res = await api.create(undefined, { rawBody: nested(64) });
    expect(res.status).toBe(400);
    expect(problemOf(res.body).extraDetails?.[0]?.reason).not.toMatch(/nested/);
  });

  it('a string with a lone surrogate is a 400 Problem at create, and no payment exists', async () => {
    const ref = reference();
    const raw = JSON.stringify(paymentBody({ reference: ref, returnUrl: 'https://shop.example/return' })).replace(
      'https://shop.example/return',
      'https://shop.example/return\\ud800',
    );
    const res = await api.create(undefined, { rawBody: raw });
    expect(res.status).toBe(400);
    expect(problemOf(res.body).extraDetails?.[0]?.reason).toMatch(/lone UTF-16 surrogate/);
    expect((await api.get(ref)).status).toBe(404);
  });

  it('a surrogate pair (an emoji) is fine', async () => {
    const res = await api.create(paymentBody({ paymentDescription: 'Boots 🥾' }));
    expect(res.status).toBe(201);
  });
});

describe('approving in the app', () => {
  it('a returnUrl with non-ASCII characters redirects percent-encoded after AUTHORIZED (was a 500)', async () => {
    const body = paymentBody({ returnUrl: 'https://shop.example/kvittering/€?vare=sko' });
    const created = await api.create(body);
    expect(created.status).toBe(201);
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token') ?? '';
    const res = await fetch(`${api.url}/app/4791234567/payments/${token}/approve`, {
      method: 'POST',
      body: new URLSearchParams(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://shop.example/kvittering/%E2%82%AC?vare=sko');
    expect((await api.get(body.reference as string)).body.state).toBe('AUTHORIZED');
  });
});
