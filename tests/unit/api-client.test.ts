import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPaymentStarted, postJson, readProblem } from '@/lib/api-client';

const problemResponse = (body: unknown, status = 400) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('readProblem', () => {
  it('reads our problem+json envelope with its field errors', async () => {
    const problem = await readProblem(
      problemResponse({
        type: 'https://httpstatuses.io/400',
        status: 400,
        code: 'validation_failed',
        title: 'Some fields are not valid',
        detail: 'Check the fields marked in red.',
        errors: [{ path: 'phoneNumber', message: 'Bad number' }, { path: 3 }],
      }),
    );
    expect(problem).toEqual({
      status: 400,
      code: 'validation_failed',
      title: 'Some fields are not valid',
      detail: 'Check the fields marked in red.',
      errors: [{ path: 'phoneNumber', message: 'Bad number' }],
    });
  });

  it('turns a non-JSON error page into a generic problem with its status', async () => {
    const problem = await readProblem(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(problem).toEqual({ status: 502, code: 'http_error', title: 'The shop could not finish this just now' });
  });
});

describe('postJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says "network" when the request may not have arrived, so the caller retries with the same key', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await postJson('/api/checkout', { body: {} })).toEqual({ kind: 'network' });
  });

  it('sends JSON with the given headers and returns the 2xx body', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: 1 }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    const result = await postJson('/api/checkout', { body: { items: [] }, headers: { 'Idempotency-Key': 'k' } });
    expect(result).toEqual({ kind: 'ok', status: 201, data: { ok: 1 } });
    const init = fetch.mock.calls[0]![1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"items":[]}');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', 'Idempotency-Key': 'k' });
  });

  it('sends no body and no content type when there is none (retry)', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('{}', { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    await postJson('/api/payments/ref/retry');
    const init = fetch.mock.calls[0]![1] as RequestInit;
    expect(init.body).toBeUndefined();
    expect(init.headers).not.toHaveProperty('content-type');
  });
});

describe('isPaymentStarted', () => {
  it('accepts only http(s) redirect URLs', () => {
    const base = { orderNumber: 'FB-1', reference: 'fb-00000001' };
    expect(isPaymentStarted({ ...base, redirectUrl: 'https://landing.vipps.no/?token=x' })).toBe(true);
    expect(isPaymentStarted({ ...base, redirectUrl: 'javascript:alert(1)' })).toBe(false);
    expect(isPaymentStarted({ ...base, redirectUrl: '/relative' })).toBe(false);
    expect(isPaymentStarted({ reference: 'x' })).toBe(false);
  });
});
