import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/server/http/client-address';

describe('clientAddress', () => {
  it('takes the hop nearest to us from x-forwarded-for', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });
  it('falls back to x-real-ip, then to "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.4' }))).toBe('203.0.113.4');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
