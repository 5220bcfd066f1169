import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Set after a successful sign-in; lets that browser skip the per-account delays (see login-throttle.ts). */
export const DEVICE_COOKIE = 'fjb_staff_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function mac(secret: string, email: string, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`device\n${email.toLowerCase()}\n${nonce}`).digest();
}

export function issueDeviceToken(secret: string, email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, email, nonce).toString('base64url')}`;
}

/** The device id when `token` was issued by us for this e-mail, else undefined (forged, other account, junk). */
export function deviceIdFromToken(secret: string, email: string, token: string | undefined): string | undefined {
  if (!token || token.length > 200) return undefined;
  const [nonce, signature, ...rest] = token.split('.');
  if (!nonce || !signature || rest.length > 0) return undefined;
  const expected = mac(secret, email, nonce);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
}
