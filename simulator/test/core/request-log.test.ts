// One log line per request: method, path, status, duration and the reference when there is one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestSimulator } from '../support/sim-client';

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
