import { describe, expect, it } from 'vitest';
import { CART_COUNT_COOKIE, cartCountCookie, parseCartCount } from '@/lib/cart/count-cookie';

describe('the cart count cookie the server renders the badge from', () => {
  it('round-trips a count', () => {
    const [pair] = cartCountCookie(3).split(';');
    expect(pair).toBe(`${CART_COUNT_COOKIE}=3`);
    expect(parseCartCount(pair!.split('=')[1])).toBe(3);
  });

  it('believes nothing but a plain count: a missing or forged value shows the placeholder', () => {
    expect(parseCartCount(undefined)).toBeUndefined();
    expect(parseCartCount('-1')).toBeUndefined();
    expect(parseCartCount('2<script>')).toBeUndefined();
    expect(parseCartCount('99999')).toBeUndefined();
    expect(parseCartCount('0')).toBe(0);
  });
});
