import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { storableText } from '@/lib/storable-text';
import { getDb } from '../db';
import { getEnv } from '../env';
import { clientAddress } from '../http/client-address';
import { ProblemError, problemResponse } from '../http/problem';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, deviceIdFromToken, issueDeviceToken } from './device-cookie';
import { clearSignInAttempts, countSignInAttempt, type ThrottleKey } from './login-throttle';

type Handler = (request: Request) => Promise<Response>;

const credentialsForm = z.object({ email: storableText().max(200).default('') });

/** The error next-auth's `signIn()` hands to the login form (it reads `error` from the body's `url`). */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

/**
 * Wraps next-auth's credentials callback: counts the attempt (refusing it with 429 while throttled) before
 * next-auth checks the password, and after a successful sign-in clears the counts and remembers the device.
 */
export async function throttledCredentialsSignIn(request: Request, signIn: Handler): Promise<Response> {
  const form = credentialsForm.safeParse(Object.fromEntries(await request.clone().formData()));
  const email = (form.success ? form.data.email : '').trim().toLowerCase();
  const env = getEnv();
  const deviceId = deviceIdFromToken(env.NEXTAUTH_SECRET, email, (await cookies()).get(DEVICE_COOKIE)?.value);
  const address: ThrottleKey = { scope: 'address', id: clientAddress(request.headers, env.TRUSTED_PROXY_COUNT) };
  const account: ThrottleKey = { scope: 'account', id: email };
  const device: ThrottleKey | undefined = deviceId ? { scope: 'device', id: deviceId } : undefined;
  const keys = [address, device ?? account];

  const db = await getDb();
  const verdict = await countSignInAttempt(db, keys);
  if (!verdict.allowed) {
    const problem = new ProblemError({
      status: 429,
      code: 'too_many_attempts',
      title: 'Too many sign-in attempts',
      detail: `Wait ${verdict.retryAfterSeconds} seconds before trying again.`,
    });
    const response = problemResponse(problem, { 'retry-after': String(verdict.retryAfterSeconds) });
    // next-auth's client reads `url` from the body to tell the form what went wrong.
    const url = new URL(`/login?error=${TOO_MANY_ATTEMPTS}`, env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL).toString();
    return Response.json({ ...problem.toBody(), url }, { status: 429, headers: response.headers });
  }

  const response = await signIn(request);
  if (!response.ok) return response;
  await clearSignInAttempts(db, device ? [address, account, device] : [address, account]);
  const headers = new Headers(response.headers);
  const secure = new URL(env.PUBLIC_BASE_URL).protocol === 'https:' ? '; Secure' : '';
  headers.append(
    'set-cookie',
    `${DEVICE_COOKIE}=${issueDeviceToken(env.NEXTAUTH_SECRET, email)}; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}${secure}`,
  );
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
