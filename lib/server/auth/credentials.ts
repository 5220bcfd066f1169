import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a submitted secret with the configured one (hashing evens out lengths). */
export function secretsMatch(submitted: string, expected: string): boolean {
  const a = createHash('sha256').update(submitted, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
