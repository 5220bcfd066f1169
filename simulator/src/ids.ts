/** Identifiers the simulator hands out: psp references, trace ids, payment-link tokens and access tokens. */
import { randomBytes, randomUUID } from 'node:crypto';

/** BRIEF §11: a UUID `pspReference` per payment and per event. */
export const newPspReference = (): string => randomUUID();

/** W3C traceparent-like value, as in the Problem example of BRIEF §7. */
export const newTraceId = (): string => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;

/** The `token` in redirect URLs (landing page, QR, deep link); also what ForceApprove.token expects (BRIEF §4.2). */
export const newPaymentLinkToken = (): string => randomBytes(24).toString('base64url');

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT-looking access token (BRIEF §2: "typically 1000+ characters"). It is opaque to the simulator: the token
 * store decides validity, so the signature part is just random bytes of a realistic length.
 */
export function newAccessToken(claims: Record<string, unknown>): string {
  const header = base64url({ typ: 'JWT', alg: 'RS256', x5t: 'vipps-sim', kid: 'vipps-sim' });
  return `${header}.${base64url(claims)}.${randomBytes(512).toString('base64url')}`;
}
