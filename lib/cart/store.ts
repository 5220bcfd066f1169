// The cart's one home in the browser: localStorage (so it survives reloads and new tabs), read through a
// subscribe/snapshot pair that React's useSyncExternalStore can use. Other tabs are heard through the
// `storage` event; this tab's own writes through a custom event, since `storage` never fires in the writer.
import { parseCart, serializeCart, type CartLine } from './cart';

export const CART_STORAGE_KEY = 'fjellbutikken.cart.v1';
const SAME_TAB_EVENT = 'fjellbutikken:cart-changed';

/** Minimal surface of `window` the store needs, so unit tests can pass a fake. */
export interface CartHost {
  localStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  addEventListener: (type: string, listener: (event: Event) => void) => void;
  removeEventListener: (type: string, listener: (event: Event) => void) => void;
  dispatchEvent(event: Event): boolean;
}

export interface CartStore {
  subscribe(onChange: () => void): () => void;
  /** The raw stored string: a primitive, so React sees "unchanged" without deep comparison. */
  getSnapshot(): string | null;
  read(): CartLine[];
  write: (lines: readonly CartLine[]) => void;
  update: (change: (lines: CartLine[]) => CartLine[]) => void;
  clear: () => void;
}

export function createCartStore(host: CartHost): CartStore {
  const getSnapshot = () => {
    try {
      return host.localStorage.getItem(CART_STORAGE_KEY);
    } catch {
      return null; // storage disabled (privacy mode): the cart simply starts empty
    }
  };
  const notify = () => host.dispatchEvent(new Event(SAME_TAB_EVENT));
  const store: CartStore = {
    subscribe(onChange) {
      const onStorage = (event: Event) => {
        const key = (event as StorageEvent).key;
        if (key === CART_STORAGE_KEY || key === null) onChange(); // null: another tab cleared all storage
      };
      host.addEventListener('storage', onStorage);
      host.addEventListener(SAME_TAB_EVENT, onChange);
      return () => {
        host.removeEventListener('storage', onStorage);
        host.removeEventListener(SAME_TAB_EVENT, onChange);
      };
    },
    getSnapshot,
    read: () => parseCart(getSnapshot()),
    write(lines) {
      try {
        if (lines.length === 0) host.localStorage.removeItem(CART_STORAGE_KEY);
        else host.localStorage.setItem(CART_STORAGE_KEY, serializeCart(lines));
      } finally {
        notify();
      }
    },
    update: (change) => store.write(change(store.read())),
    clear: () => store.write([]),
  };
  return store;
}

let browserStore: CartStore | undefined;

/** The store for this tab's `window` (created on first use, in the browser only). */
export function browserCartStore(): CartStore {
  browserStore ??= createCartStore(window);
  return browserStore;
}
