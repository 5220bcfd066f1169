// One log line per request: method, path, status, duration and the reference when there is one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paymentBody, startTestSimulator } from '../support/sim-client';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request log', () => {
  it('logs one line per request at level info, with the reference from the path or the create body', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const api = await startTestSimulator({ logLevel: 'info' });
    try {
      const ref = await api.createPayment();
      await api.get(ref);
      expect(lines[0]).toMatch(/^POST \/accesstoken\/get 200 \d+ms$/);
      expect(lines).toHaveLength(3);
      expect(lines.some((l) => new RegExp(`^POST /epayment/v1/payments 201 \\d+ms ref=${ref}$`).test(l))).toBe(true);
      expect(lines.some((l) => new RegExp(`^GET /epayment/v1/payments/${ref} 200 \\d+ms ref=${ref}$`).test(l))).toBe(
        true,
      );
    } finally {
      await api.running.close();
    }
  });

  it('a reference with a line break cannot forge a log line', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const api = await startTestSimulator({ logLevel: 'info' });
    try {
      const forged = 'order-1\nPOST /epayment/v1/payments/order-2/capture 200 1ms ref=order-2';
      expect((await api.create(paymentBody({ reference: forged }))).status).toBe(400);
      expect(lines.join('\n').split('\n')).toHaveLength(lines.length);
      expect(lines.at(-1)).toMatch(/^POST \/epayment\/v1\/payments 400 \d+ms ref=order-1\\u000aPOST /);
    } finally {
      await api.running.close();
    }
  });

  it('SIM_LOG_LEVEL=warn silences request lines', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const api = await startTestSimulator({ logLevel: 'warn' });
    try {
      await api.createPayment();
      expect(log).not.toHaveBeenCalled();
    } finally {
      await api.running.close();
    }
  });
});

describe('GET /_sim/requests', () => {
  it('lists the API requests an integration made, by reference, and forgets them on reset', async () => {
    const { startSimulator } = await import('../../src/server');
    const sim = await startSimulator({ port: 0, logLevel: 'silent' });
    try {
      await fetch(`${sim.url}/epayment/v1/payments/ref-00000001`, { headers: { authorization: 'Bearer nope' } });
      await fetch(`${sim.url}/_sim/health`);
      const listed = (await (await fetch(`${sim.url}/_sim/requests?reference=ref-00000001`)).json()) as {
        requests: { method: string; path: string; status: string }[];
      };
      expect(listed.requests).toEqual([
        expect.objectContaining({ method: 'GET', path: '/epayment/v1/payments/ref-00000001', status: '401' }),
      ]);
      const all = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: unknown[] };
      expect(all.requests).toHaveLength(1); // control calls are not listed
      await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
      expect(((await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: unknown[] }).requests).toEqual(
        [],
      );
    } finally {
      await sim.close();
    }
  });
});
