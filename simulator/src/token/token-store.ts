/** Access tokens handed out by `/accesstoken/get`, valid until their expiry on the virtual clock (BRIEF §2). */
import type { VirtualClock } from '../clock';
import { trimOldest } from '../bounded';
import { newAccessToken } from '../ids';

export type TokenStatus = 'valid' | 'expired' | 'unknown';

export interface IssuedToken {
  accessToken: string;
  notBeforeSeconds: number;
  expiresOnSeconds: number;
}

export class TokenStore {
  private readonly expiresAtMs = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly lifetimeSeconds: () => number,
    /** Valid tokens kept at most; the oldest go first (clients that fetch a token per call, like the SDK). */
    private readonly capacity: number = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.expiresAtMs.size;
  }

  issue(clientId: string): IssuedToken {
    const issuedMs = this.clock.nowMs();
    const nowSeconds = Math.floor(issuedMs / 1000);
    const expiresOnSeconds = nowSeconds + this.lifetimeSeconds();
    const accessToken = newAccessToken({
      aud: '00000002-0000-0000-c000-000000000000',
      iss: 'https://vipps-simulator.local/',
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: expiresOnSeconds,
      appid: clientId,
      sub: clientId,
      tid: 'vipps-simulator',
    });
    // Several tokens may be valid at once (BRIEF §2), so issuing one never revokes another.
    // Valid for the whole lifetime from the moment of issue; `expires_on` is that rounded down to whole seconds,
    // so a client that trusts it renews a little early, never late (the old floor made tokens die up to 1 s
    // before `expires_in` promised, which made the expiry test flaky).
    this.expiresAtMs.set(accessToken, issuedMs + this.lifetimeSeconds() * 1000);
    // Issued in expiry order (one lifetime), so expired tokens sit at the front of the map.
    for (const [token, expiresAt] of this.expiresAtMs) {
      if (expiresAt > this.clock.nowMs()) break;
      this.expiresAtMs.delete(token);
    }
    trimOldest(this.expiresAtMs, this.capacity);
    return { accessToken, notBeforeSeconds: nowSeconds, expiresOnSeconds };
  }

  status(accessToken: string): TokenStatus {
    const expiresAt = this.expiresAtMs.get(accessToken);
    if (expiresAt === undefined) return 'unknown';
    return this.clock.nowMs() < expiresAt ? 'valid' : 'expired';
  }

  clear(): void {
    this.expiresAtMs.clear();
  }
}
