/**
 * Where to send staff after sign-in. Only a path on our own origin is accepted, decided the way a browser
 * decides it: by resolving the value against an origin. String checks are not enough — `/\evil.example` and
 * `/\t/evil.example` both start with a single `/`, yet browsers read them as `//evil.example` (the URL
 * standard treats `\` like `/` and strips tabs and newlines).
 */
const PROBE_ORIGIN = 'http://same-origin.invalid';

export function sameOriginPath(value: unknown, fallback = '/admin'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
