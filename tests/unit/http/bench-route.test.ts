import { afterEach, describe, expect, it, vi } from 'vitest';

const call = async () => {
  const { GET } = await import('@/app/api/bench/bare/route');
  return GET(new Request('http://localhost:3000/api/bench/bare'), undefined);
};

describe('GET /api/bench/bare (the benchmark baseline)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is a 404 problem unless BENCH_ROUTES=1', async () => {
    vi.stubEnv('BENCH_ROUTES', '');
    vi.resetModules();
    const response = await call();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers a small no-store JSON with BENCH_ROUTES=1', async () => {
    vi.stubEnv('BENCH_ROUTES', '1');
    vi.resetModules();
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
