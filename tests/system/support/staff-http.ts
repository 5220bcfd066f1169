// Staff sign-in over plain HTTP (next-auth's credentials flow), for tests and the soak that drive the admin API.

/** Signs in and answers the Cookie header that carries the session. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfResponse);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
  });
  const session = cookiesOf(response);
  if (!session.includes('session-token')) {
    throw new Error(`Sign-in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  }
  return `${jar}; ${session}`;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
