// One Idempotency-Key per checkout attempt. It is kept in sessionStorage together with a fingerprint of the
// request body, so a retry after a network error, a double click or a reload resends the same key (and the
// server answers with the same payment instead of making a second one), while a changed cart or phone number
// gets a fresh key. After a 201 the outcome is known, so the key is dropped: the next checkout is a new one.
import type { CheckoutRequest } from '@/lib/shop-api';

export const CHECKOUT_KEY_STORAGE_KEY = 'fjellbutikken.checkout.idempotency.v1';

interface StoredKey {
  fingerprint: string;
  key: string;
}

export function checkoutFingerprint(request: CheckoutRequest): string {
  const items = request.items.map(({ sku, quantity }) => [sku, quantity]);
  return JSON.stringify({ items, phoneNumber: request.phoneNumber ?? null });
}

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Used when sessionStorage is unavailable (disabled, full), so retries from this page still share a key.
let inMemory: StoredKey | undefined;

function readStored(storage: KeyStorage): StoredKey | undefined {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(CHECKOUT_KEY_STORAGE_KEY) ?? 'null');
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as StoredKey).fingerprint === 'string' &&
      typeof (parsed as StoredKey).key === 'string'
    ) {
      return parsed as StoredKey;
    }
  } catch {
    // disabled storage: fall back to this page's memory
    return inMemory;
  }
  return undefined;
}

/** The key for this exact request: the stored one when the body is unchanged, else a new UUID (stored). */
export function idempotencyKeyFor(
  request: CheckoutRequest,
  storage: KeyStorage,
  newKey: () => string = () => crypto.randomUUID(),
): string {
  const fingerprint = checkoutFingerprint(request);
  const stored = readStored(storage);
  if (stored?.fingerprint === fingerprint) return stored.key;
  const fresh: StoredKey = { fingerprint, key: newKey() };
  inMemory = fresh;
  try {
    storage.setItem(CHECKOUT_KEY_STORAGE_KEY, JSON.stringify(fresh));
  } catch {
    // kept in memory only
  }
  return fresh.key;
}

export function forgetIdempotencyKey(storage: KeyStorage): void {
  inMemory = undefined;
  try {
    storage.removeItem(CHECKOUT_KEY_STORAGE_KEY);
  } catch {
    // nothing stored, nothing to forget
  }
}
