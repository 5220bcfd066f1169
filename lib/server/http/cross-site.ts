// The shop's one CSRF rule, applied in proxy.ts before every matched request. Pure (no server-only) so it is
// unit-testable. Why these headers, and what a request without them gets:
// docs/decisions/0019-cross-site-requests-and-demo-secrets.md.
import { ProblemError } from './problem';

/** Methods that never change anything here (exports and status reads are GETs without side effects). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sec-Fetch-Site values of requests the shop's own pages (or the person at the keyboard) made. `same-site` is
 * refused on purpose: another port of the same host is the same site, and SameSite=Lax sends the cookie there.
 */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** Authenticated by its HMAC signature, never by a cookie, and called server to server by Vipps. */
const SIGNED_WEBHOOK_PATH = '/api/webhooks/vipps';

const isAdminApi = (path: string) => path === '/api/admin' || path.startsWith('/api/admin/');

export interface IncomingRequest {
  method: string;
  url: string;
  headers: Headers;
}

/** The origins (scheme://host:port) the shop's own pages are served from: PUBLIC_BASE_URL and NEXTAUTH_URL. */
export function ownOrigins(env: { PUBLIC_BASE_URL: string; NEXTAUTH_URL?: string }): ReadonlySet<string> {
  const urls = [env.PUBLIC_BASE_URL, env.NEXTAUTH_URL].filter((url): url is string => url !== undefined);
  return new Set(urls.map((url) => new URL(url).origin));
}

/** The media type of a Content-Type header, lower-cased and without parameters such as `charset`. */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Refuses a state-changing request another origin's page made (403 `cross_site_request`), and an admin API
 * request whose body is not declared JSON (415 `unsupported_media_type`): a cross-origin page can only send
 * `application/json` after a CORS preflight, which the shop never grants. Answers undefined when it may pass.
 */
export function crossSiteRefusal(request: IncomingRequest, own: ReadonlySet<string>): ProblemError | undefined {
  const method = request.method.toUpperCase();
  const path = new URL(request.url).pathname;
  if (SAFE_METHODS.has(method) || path === SIGNED_WEBHOOK_PATH) return undefined;

  // Browsers send Origin on every cross-origin POST (forms and no-cors fetches too) and Sec-Fetch-Site on every
  // request; `Origin: null` (sandboxed frames, file: pages) is never one of ours.
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  const foreign = origin !== null ? !own.has(origin) : fetchSite !== null && !OWN_FETCH_SITES.has(fetchSite);
  if (foreign) {
    return new ProblemError({
      status: 403,
      code: 'cross_site_request',
      title: 'This request did not come from the shop',
      detail: 'Changes are only accepted from the shop’s own pages.',
    });
  }
  if (isAdminApi(path) && mediaType(request.headers.get('content-type')) !== 'application/json') {
    return new ProblemError({
      status: 415,
      code: 'unsupported_media_type',
      title: 'Send the request as JSON',
      detail: 'Staff actions accept only content-type: application/json.',
    });
  }
  return undefined;
}
