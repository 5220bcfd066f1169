/** Access tokens handed out by `/accesstoken/get`, valid until their expiry on the virtual clock (BRIEF §2). */
import type { VirtualClock } from '../clock';
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
  ) {}

  issue(clientId: string): IssuedToken {
    const nowSeconds = Math.floor(this.clock.nowMs() / 1000);
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
    this.expiresAtMs.set(accessToken, expiresOnSeconds * 1000);
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
