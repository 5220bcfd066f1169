/**
 * The header the server stamps on every incoming request with the TCP peer's address (peer-address-at-start.ts),
 * overwriting whatever a client sent under that name. Route handlers never see the socket, and `next start`
 * does not help: it sets `x-forwarded-for` to the socket address only when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js), so a client that
 * sends its own `X-Forwarded-For` hides its real address completely.
 */
export const PEER_ADDRESS_HEADER = 'x-fjb-peer-address';

const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address, trusting `X-Forwarded-For` only as far as `trustedProxyCount` proxies of our own put it
 * there (the rule of Express's numeric `trust proxy`): with no proxy (0) it is the socket's peer, whatever the
 * client sent; behind N proxies it is the Nth entry from the right — the address our outermost proxy saw — or
 * the leftmost entry when there are fewer. Entries further left were written by the client and mean nothing.
 */
export function clientAddress(headers: Headers, trustedProxyCount: number): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const stamped = headers.get(PEER_ADDRESS_HEADER)?.trim();
  // Nearest hop first: our socket peer, then what each proxy says it saw. Without the stamp (a handler called
  // outside the server, as in unit tests) the rightmost entry, which `next start` fills in, stands in for it.
  const nearestFirst = [...forwarded].reverse();
  const hops = stamped ? [stamped, ...nearestFirst] : nearestFirst;
  const address = hops[Math.min(trustedProxyCount, hops.length - 1)];
  return address ? address.slice(0, MAX_ADDRESS_LENGTH) : 'unknown';
}
