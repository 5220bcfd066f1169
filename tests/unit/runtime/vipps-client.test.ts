import { describe, expect, it } from 'vitest';
import packageJson from '@/package.json';
import { getVippsClient } from '@/lib/server/runtime/vipps-client';

describe('getVippsClient', () => {
  it('builds one process-wide client from the validated env without touching the network', () => {
    const client = getVippsClient();
    expect(getVippsClient()).toBe(client);
    expect(typeof client.capturePayment).toBe('function');
    // The version sent as Vipps-System-Version / Plugin-Version must fit the 30-character limit.
    expect(packageJson.version.length).toBeLessThanOrEqual(30);
  });
});
