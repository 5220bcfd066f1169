/**
 * Response headers that keep the shop's pages from being framed, sniffed or made to run someone else's script.
 * Pure, so a unit test can pin them; proxy.ts applies them to every page and API response.
 *
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's own nonce-tagged loader add its
 * chunks). Next.js reads the nonce from the request's CSP header and tags its inline scripts with it, which is
 * why every page is rendered per request (app/layout.tsx). Styles keep 'unsafe-inline': React style attributes
 * and Next's injected style tags carry no nonce, and inline CSS cannot run code.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** `next dev` needs eval (React's dev tooling) and a websocket for hot reload. */
  development: boolean;
  /** HSTS only makes sense — and is only honoured — over https. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development, https }: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(development ? ['ws:', 'wss:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> & {
  'Content-Security-Policy': string;
} {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.https && { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
  };
}

/** A fresh nonce per response (128 bits, base64), from Web Crypto so it works in any runtime. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
