// Token validity on the virtual clock: the whole `expires_in` from the moment of issue, whatever the fraction of
// the second it was issued in (the old rounding to whole seconds cut up to 1 s off and made tests flaky).
import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock';
import { TokenStore } from '../../src/token/token-store';

describe('TokenStore', () => {
  it('a token issued at .900 of a second is still valid 3599.5 s later, and expired after 3600 s', () => {
    let now = 1_700_000_000_900;
    const clock = { nowMs: () => now } as VirtualClock;
    const store = new TokenStore(clock, () => 3600);
    const { accessToken, expiresOnSeconds, notBeforeSeconds } = store.issue('client');
    expect(expiresOnSeconds - notBeforeSeconds).toBe(3600);
    now += 3_599_500;
    expect(store.status(accessToken)).toBe('valid');
    now += 500;
    expect(store.status(accessToken)).toBe('expired');
  });

  it('drops expired tokens as new ones are issued, and keeps at most its capacity', () => {
    let now = 0;
    const clock = { nowMs: () => now } as VirtualClock;
    const store = new TokenStore(clock, () => 60, 10);
    const first = store.issue('client').accessToken;
    now += 61_000;
    store.issue('client');
    expect(store.status(first)).toBe('unknown');
    for (let i = 0; i < 50; i++) store.issue('client');
    expect(store.size).toBeLessThanOrEqual(10);
  });
});
