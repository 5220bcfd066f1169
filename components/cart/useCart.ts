'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { EMPTY_CART, addLine, itemCount, parseCart, removeLine, setQuantity, type CartLine } from '@/lib/cart/cart';
import { browserCartStore } from '@/lib/cart/store';

const subscribe = (onChange: () => void) => browserCartStore().subscribe(onChange);
const getSnapshot = () => browserCartStore().getSnapshot();
// The server has no cart: it renders the "not loaded yet" state, and so does the browser's hydration render,
// so both agree; React then re-renders with what localStorage holds.
const getServerSnapshot = () => null;
const noSubscribe = () => () => {};

/** False during the server render and hydration, true once the browser's own cart is showing. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

export interface CartApi {
  lines: readonly CartLine[];
  itemCount: number;
  hydrated: boolean;
  add: (sku: string, quantity: number) => void;
  setQuantity: (sku: string, quantity: number) => void;
  remove: (sku: string) => void;
  clear: () => void;
}

export function useCart(): CartApi {
  const raw = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const hydrated = useHydrated();
  const lines = useMemo(() => (raw === null ? EMPTY_CART : parseCart(raw)), [raw]);
  const add = useCallback((sku: string, n: number) => browserCartStore().update((l) => addLine(l, sku, n)), []);
  const set = useCallback((sku: string, n: number) => browserCartStore().update((l) => setQuantity(l, sku, n)), []);
  const remove = useCallback((sku: string) => browserCartStore().update((l) => removeLine(l, sku)), []);
  const clear = useCallback(() => browserCartStore().clear(), []);
  return { lines, itemCount: itemCount(lines), hydrated, add, setQuantity: set, remove, clear };
}
