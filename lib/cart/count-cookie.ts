// The cart lives in localStorage, which the server cannot read. So the browser also keeps the cart's item count
// in a small cookie, and the server renders the header's badge with it instead of a placeholder until scripts
// load. Only a number: the lines themselves never leave the browser before checkout. Isomorphic.

export const CART_COUNT_COOKIE = 'fjellbutikken_cart_count';
const MAX_COUNT = 9_999;

/** The count a cookie value claims, or undefined when there is none or it is not a plain count. */
export function parseCartCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,4}$/.test(value)) return undefined;
  const count = Number(value);
  return count <= MAX_COUNT ? count : undefined;
}

/** The `document.cookie` assignment that records `count` for the next server render (a year, the whole site). */
export function cartCountCookie(count: number): string {
  const value = Math.min(MAX_COUNT, Math.max(0, Math.trunc(count)));
  return `${CART_COUNT_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
