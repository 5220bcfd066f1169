import { describe, expect, it, vi } from 'vitest';
import { CART_STORAGE_KEY, createCartStore, type CartHost } from '@/lib/cart/store';

function fakeHost() {
  const data = new Map<string, string>();
  const target = new EventTarget();
  const host: CartHost = {
    localStorage: {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    },
    addEventListener: (type, listener) => target.addEventListener(type, listener),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener),
    dispatchEvent: (event) => target.dispatchEvent(event),
  };
  /** What another tab's write looks like from here. */
  const otherTabWrites = (key: string | null, value: string | null) => {
    if (key && value !== null) data.set(key, value);
    const event = new Event('storage') as Event & { key: string | null };
    Object.defineProperty(event, 'key', { value: key });
    target.dispatchEvent(event);
  };
  return { host, data, otherTabWrites };
}

describe('cart store', () => {
  it('keeps only SKUs and quantities in localStorage and tells this tab’s subscribers', () => {
    const { host, data } = fakeHost();
    const store = createCartStore(host);
    const onChange = vi.fn();
    const unsubscribe = store.subscribe(onChange);
    store.update(() => [{ sku: 'mug', quantity: 2 }]);
    expect(data.get(CART_STORAGE_KEY)).toBe('{"lines":[{"sku":"mug","quantity":2}]}');
    expect(store.read()).toEqual([{ sku: 'mug', quantity: 2 }]);
    expect(onChange).toHaveBeenCalledTimes(1);
    store.clear();
    expect(data.has(CART_STORAGE_KEY)).toBe(false);
    unsubscribe();
    store.clear();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('hears other tabs through the storage event, for its own key only', () => {
    const { host, otherTabWrites } = fakeHost();
    const store = createCartStore(host);
    const onChange = vi.fn();
    store.subscribe(onChange);
    otherTabWrites('something-else', 'x');
    expect(onChange).not.toHaveBeenCalled();
    otherTabWrites(CART_STORAGE_KEY, '{"lines":[{"sku":"mug","quantity":1}]}');
    otherTabWrites(null, null);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toBe('{"lines":[{"sku":"mug","quantity":1}]}');
  });

  it('starts empty when storage is unavailable', () => {
    const { host } = fakeHost();
    host.localStorage.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(createCartStore(host).read()).toEqual([]);
  });
});
