import { describe, expect, it } from 'vitest';
import { forgetIdempotencyKey, idempotencyKeyFor } from '@/lib/checkout/idempotency';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const request = { items: [{ sku: 'mug', quantity: 2 }], phoneNumber: '912 34 567' };

describe('idempotencyKeyFor', () => {
  it('resends the same key for the same checkout (retry, double click, reload)', () => {
    const storage = memoryStorage();
    let n = 0;
    const newKey = () => `key-${++n}`;
    expect(idempotencyKeyFor(request, storage, newKey)).toBe('key-1');
    expect(idempotencyKeyFor({ ...request, items: [{ sku: 'mug', quantity: 2 }] }, storage, newKey)).toBe('key-1');
  });

  it('makes a new key when the cart or the phone number changes', () => {
    const storage = memoryStorage();
    let n = 0;
    const newKey = () => `key-${++n}`;
    idempotencyKeyFor(request, storage, newKey);
    expect(idempotencyKeyFor({ ...request, items: [{ sku: 'mug', quantity: 3 }] }, storage, newKey)).toBe('key-2');
    expect(
      idempotencyKeyFor({ ...request, items: [{ sku: 'mug', quantity: 3 }], phoneNumber: '' }, storage, newKey),
    ).toBe('key-3');
  });

  it('makes a new key after the last checkout finished', () => {
    const storage = memoryStorage();
    let n = 0;
    const newKey = () => `key-${++n}`;
    idempotencyKeyFor(request, storage, newKey);
    forgetIdempotencyKey(storage);
    expect(idempotencyKeyFor(request, storage, newKey)).toBe('key-2');
  });

  it('still reuses the key when sessionStorage is unavailable', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    forgetIdempotencyKey(broken);
    let n = 0;
    const newKey = () => `key-${++n}`;
    expect(idempotencyKeyFor(request, broken, newKey)).toBe('key-1');
    expect(idempotencyKeyFor(request, broken, newKey)).toBe('key-1');
  });
});
