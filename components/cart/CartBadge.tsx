'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { cartCountCookie } from '@/lib/cart/count-cookie';
import { useCart } from './useCart';

/**
 * Header link to the cart with the number of items. The server renders the count the cart cookie last recorded
 * (lib/cart/count-cookie.ts); once the browser's cart is read, its own count shows and the cookie follows it.
 */
export function CartBadge({ serverCount }: { serverCount?: number }) {
  const { itemCount, hydrated } = useCart();
  useEffect(() => {
    if (hydrated) document.cookie = cartCountCookie(itemCount);
  }, [hydrated, itemCount]);
  const shown = hydrated ? itemCount : serverCount;
  const label = shown === undefined ? 'Cart' : `Cart, ${shown} ${shown === 1 ? 'item' : 'items'}`;
  return (
    <Link
      href="/cart"
      aria-label={label}
      data-testid="cart-badge"
      className="inline-flex items-center gap-2 rounded-full border border-shop-line px-3 py-1.5 text-sm font-medium hover:bg-shop-surface"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path
          d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="10" cy="20" r="1.4" />
        <circle cx="17" cy="20" r="1.4" />
      </svg>
      {/* The space makes the visible text "Cart 2", which the accessible name "Cart, 2 items" then contains
          (WCAG 2.5.3 Label in Name; without it the text read "Cart2"). Flex layout does not render it. */}
      <span>Cart</span>{' '}
      <span
        data-testid="cart-count"
        className="min-w-6 rounded-full bg-vipps-dark px-1.5 text-center text-xs font-bold leading-5 text-white"
      >
        {shown ?? '·'}
      </span>
    </Link>
  );
}
