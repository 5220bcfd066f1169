'use client';

import { useMemo } from 'react';
import { priceCart } from '@/lib/cart/cart';
import type { Product } from '@/lib/catalogue';
import { useCart } from './useCart';

/** The browser's cart priced from the catalogue the server passed down (never from storage). */
export function usePricedCart(catalogue: readonly Product[]) {
  const cart = useCart();
  const priced = useMemo(() => priceCart(cart.lines, catalogue), [cart.lines, catalogue]);
  return { cart, priced };
}

/** Shown until the cart has been read from the browser's storage (server render and first paint agree). */
export function CartLoading() {
  return (
    <p role="status" className="text-shop-muted">
      Loading your cart…
    </p>
  );
}
