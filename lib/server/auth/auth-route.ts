import 'server-only';
import { cookies } from 'next/headers';
import { ProblemError, problemResponse, type ProblemInit } from '../http/problem';

/**
 * What the shop's sign-in uses of next-auth's catch-all route, by method (next-auth/core's own action lists,
 * minus what a credentials-only setup cannot serve: a GET credentials callback throws inside next-auth).
 * Anything else is refused before next-auth sees it — found by fuzzing (routes/auth-health-fuzz.test.ts):
 * next-auth answered a GET credentials callback, and form posts that were not forms, with 500s and plain-text
 * errors.
 */
const ACTIONS: Record<string, ReadonlySet<string>> = {
  GET: new Set(['providers', 'session', 'csrf', 'signin', 'signout', 'error', 'verify-request', 'callback']),
  POST: new Set(['signin', 'signout', 'callback', '_log', 'session']),
};

/** next-auth's cookie names for the callback URL, over http and https (next-auth/core/lib/cookie.js). */
const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** next-auth's own test (core/lib/assert.js): it answers 500 for a callbackUrl that fails it. */
function isHttpUrl(url: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

const notFound = () => new ProblemError({ status: 404, code: 'not_found', title: 'No such sign-in endpoint' });

/**
 * Refuses requests next-auth would crash on or answer outside our error envelope. next-auth's client posts
 * forms as application/x-www-form-urlencoded, and session updates as JSON; the credentials throttle reads the
 * form too, so a body of any other type (or JSON that does not parse) never reaches either.
 */
export async function checkAuthRequest(request: Request, segments: readonly string[]): Promise<void> {
  const [action = '', provider] = segments;
  if (!ACTIONS[request.method]?.has(action) || segments.length > 2) throw notFound();
  if (request.method === 'GET' && action === 'callback' && provider === 'credentials') throw notFound();
  // A callbackUrl that is not an http(s) URL, in the query or in next-auth's cookie, makes next-auth answer
  // 500 ("server configuration") to anyone who sends one (found by fuzzing).
  const jar = await cookies();
  const callbackUrls = [
    new URL(request.url).searchParams.get('callbackUrl'),
    ...CALLBACK_URL_COOKIES.map((name) => jar.get(name)?.value),
  ];
  if (callbackUrls.some((url) => url && !isHttpUrl(url, new URL(request.url).origin))) {
    throw new ProblemError({
      status: 400,
      code: 'validation_failed',
      title: 'The callback URL is not valid',
      errors: [{ path: 'callbackUrl', message: 'Use a path on this site, such as /admin.' }],
    });
  }
  if (request.method !== 'POST') return;
  const type = request.headers.get('content-type') ?? '';
  if (action === 'session' && type.includes('application/json')) {
    try {
      JSON.parse(await request.clone().text());
      return;
    } catch {
      throw new ProblemError({ status: 400, code: 'bad_json', title: 'The request body is not valid JSON' });
    }
  }
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new ProblemError({
      status: 400,
      code: 'validation_failed',
      title: 'Send the sign-in form as application/x-www-form-urlencoded',
    });
  }
}

const BY_STATUS: Record<number, Omit<ProblemInit, 'status'>> = {
  400: { code: 'validation_failed', title: 'The sign-in request is not valid' },
  401: { code: 'unauthenticated', title: 'Wrong e-mail or password' },
  403: { code: 'forbidden', title: 'Not allowed' },
  404: { code: 'not_found', title: 'No such sign-in endpoint' },
};

/**
 * next-auth's own error answers (plain text, or JSON of its own) in our one envelope. A JSON `url` is kept:
 * next-auth's `signIn()` reads the error from it, which is how the login form tells a wrong password apart.
 */
export async function inProblemEnvelope(response: Response): Promise<Response> {
  if (response.status < 400 || response.headers.get('content-type') === 'application/problem+json') return response;
  const text = await response.text();
  let url: unknown;
  try {
    url = (JSON.parse(text) as { url?: unknown } | null)?.url;
  } catch {
    url = undefined;
  }
  const known = BY_STATUS[response.status];
  const problem = known
    ? new ProblemError({ status: response.status, ...known })
    : new ProblemError({ status: 500, code: 'internal_error', title: 'Something went wrong on our side' });
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/problem+json');
  if (typeof url !== 'string') return problemResponse(problem, headers);
  return new Response(JSON.stringify({ ...problem.toBody(), url }), { status: problem.status, headers });
}
