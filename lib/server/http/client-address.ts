/**
 * The client's address as far as we can know it. Route handlers do not see the socket; `next start` fills
 * `x-forwarded-for` with the socket address only when the request has none, and a proxy in front appends the
 * address it saw. So the rightmost entry is the hop nearest to us. Directly exposed, a client can put any value
 * there — which is why sign-in throttling never relies on the address alone (see login-throttle.ts).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  if (last) return last.slice(0, 64);
  return headers.get('x-real-ip')?.trim().slice(0, 64) || 'unknown';
}
