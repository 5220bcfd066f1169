// Whether anyone but the person at this machine can reach the shop. The demo's published NEXTAUTH_SECRET and
// demo staff passwords are harmless only while nobody else can: a forged session cookie or a known password
// moves money from any machine that reaches the shop
// (docs/decisions/0019-cross-site-requests-and-demo-secrets.md).

/** Where `npm run dev` / `npm start` bind the shop (and the simulator) unless SHOP_HOST says otherwise. */
export const DEFAULT_SHOP_HOST = '127.0.0.1';

/** localhost, 127.0.0.0/8 and ::1 (bracketed as in a URL or not). `0.0.0.0` and `::` mean every interface. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Why the shop counts as reachable by others, or undefined when it is not: a public URL that is not loopback
 * (whatever the Vipps host is), or a bind address other machines can connect to.
 */
export function exposureReason(env: {
  PUBLIC_BASE_URL: string;
  NEXTAUTH_URL?: string;
  SHOP_HOST: string;
}): string | undefined {
  for (const key of ['PUBLIC_BASE_URL', 'NEXTAUTH_URL'] as const) {
    const url = env[key];
    if (url !== undefined && !isLoopbackUrl(url)) return `${key} ${url} is not a loopback URL`;
  }
  if (!isLoopbackHost(env.SHOP_HOST)) return `SHOP_HOST ${env.SHOP_HOST} is not a loopback address`;
  return undefined;
}
