import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, clientAddress } from '@/lib/server/http/client-address';

// What a route handler sees under `next start`: the socket peer stamped by the server (peer-address-at-start.ts)
// and X-Forwarded-For exactly as the client (and any proxies) sent it.
const request = (peer: string, forwardedFor?: string) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) });

describe('clientAddress', () => {
  it('with no trusted proxy, is the socket peer whatever X-Forwarded-For the client made up', () => {
    expect(clientAddress(request('203.0.113.9'), 0)).toBe('203.0.113.9');
    for (const spoof of ['198.51.100.1', '10.0.0.1, 198.51.100.7', '::1'])
      expect(clientAddress(request('203.0.113.9', spoof), 0)).toBe('203.0.113.9');
  });

  it('behind N trusted proxies, is the Nth X-Forwarded-For entry from the right', () => {
    // The client wrote 6.6.6.6; our outer proxy saw 198.51.100.1; our inner proxy saw the outer at 10.0.0.2.
    const headers = request('10.0.0.3', '6.6.6.6, 198.51.100.1, 10.0.0.2');
    expect(clientAddress(headers, 1)).toBe('10.0.0.2');
    expect(clientAddress(headers, 2)).toBe('198.51.100.1');
  });

  it('with fewer entries than trusted proxies, takes the leftmost (never an address further out than one sent)', () => {
    expect(clientAddress(request('10.0.0.3', '198.51.100.1'), 3)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.3'), 2)).toBe('10.0.0.3');
  });

  it('never takes x-real-ip, which a client can send as easily', () => {
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-real-ip': '1.2.3.4' }), 0)).toBe(
      '203.0.113.9',
    );
  });

  it('without the server stamp (a handler called directly), falls back to the entry next start fills in', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.4' }), 0)).toBe('203.0.113.4');
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });
});
