/**
 * Profile sharing after approval (SOURCES.md "Userinfo API"): each approved payment with a scope records a grant,
 * sub → what that user agreed to share with that sales unit, and when. `sub` is stable per (user, MSN) and
 * different for another MSN, as Vipps documents: an HMAC of both with a per-process secret, shaped as a UUID like
 * the spec's example. The same shopper paying twice at one shop gets the same sub; the later grant replaces the
 * earlier one (its consent and data are the current ones).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { trimOldest } from '../bounded';
import type { ProfileClaimScope } from '../epayment/profile-scope';
import type { TestUser } from '../users/test-user';

export interface UserinfoGrant {
  sub: string;
  msn: string;
  /** The payment whose approval granted it (for the request log and `GET /_sim/requests?reference=`). */
  reference: string;
  /** The user's data as it was when they approved: later changes to the test user do not leak into it. */
  user: TestUser;
  claims: ProfileClaimScope[];
  grantedAtMs: number;
}

/** RFC 4122 layout (version 4 and variant bits set) over the first 16 bytes of an HMAC-SHA-256. */
function uuidFrom(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class UserinfoGrants {
  private readonly grants = new Map<string, UserinfoGrant>();
  /** Per process, so subs cannot be predicted from a phone number, yet stay stable across `POST /_sim/reset`. */
  private readonly secret = randomBytes(32);

  constructor(private readonly capacity = 10_000) {}

  subFor(msn: string, phone: string): string {
    return uuidFrom(createHmac('sha256', this.secret).update(`${msn}\u0000${phone}`).digest());
  }

  /** Records (or renews) the grant for this user at this MSN; returns its sub. */
  grant(input: Omit<UserinfoGrant, 'sub'>): string {
    const sub = this.subFor(input.msn, input.user.phone_number);
    this.grants.delete(sub); // re-inserted last, so trimming drops the least recently granted first
    this.grants.set(sub, { ...input, sub, user: structuredClone(input.user), claims: [...input.claims] });
    trimOldest(this.grants, this.capacity);
    return sub;
  }

  get(sub: string): UserinfoGrant | undefined {
    return this.grants.get(sub);
  }

  clear(): void {
    this.grants.clear();
  }
}
