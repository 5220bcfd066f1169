import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { parseEnv } from './lib/server/env/schema';
import { crossSiteRefusal, ownOrigins } from './lib/server/http/cross-site';
import { ProblemError, problemResponse } from './lib/server/http/problem';
import { newNonce, securityHeaders } from './lib/server/http/security-headers';

const isAdminApi = (path: string) => path === '/api/admin' || path.startsWith('/api/admin/');
const isAdminPage = (path: string) => path === '/admin' || path.startsWith('/admin/');

let shopOrigins: ReadonlySet<string> | undefined;

/**
 * Every page and API response: security headers with a per-response CSP nonce. Every state-changing request
 * (any path, next-auth's own included): refused unless the shop's own pages sent it (lib/server/http/cross-site.ts),
 * so no route can forget it. Admin pages and admin API routes: a first gate that turns signed-out visitors away
 * (each page and handler checks again, with roles, on the server — lib/server/auth/require-staff.ts — so a route
 * added later is never open by default).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  shopOrigins ??= ownOrigins(parseEnv(process.env));
  const refusal = crossSiteRefusal(request, shopOrigins);
  if (refusal) return withHeaders(request, problemNextResponse(refusal));
  if (isAdminApi(path) || isAdminPage(path)) {
    const token = await getToken({ req: request, secret: parseEnv(process.env).NEXTAUTH_SECRET });
    if (!token) return withHeaders(request, signedOut(request, path));
  }
  return withHeaders(request);
}

function signedOut(request: NextRequest, path: string): NextResponse {
  if (isAdminApi(path)) {
    return problemNextResponse(
      new ProblemError({ status: 401, code: 'unauthenticated', title: 'Sign in first', detail: 'Staff only.' }),
    );
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', `${path}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

function problemNextResponse(problem: ProblemError): NextResponse {
  return new NextResponse(problemResponse(problem).body, {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

function withHeaders(request: NextRequest, earlyResponse?: NextResponse): NextResponse {
  const headers = securityHeaders({
    nonce: newNonce(),
    development: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
  });
  let response = earlyResponse;
  if (!response) {
    // Next.js takes the nonce for its own scripts from the request's CSP header.
    const forwarded = new Headers(request.headers);
    forwarded.set('content-security-policy', headers['Content-Security-Policy']);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static chunks and image optimiser (their headers come from next.config.mjs).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
