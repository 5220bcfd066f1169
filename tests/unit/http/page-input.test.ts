import { describe, expect, it } from 'vitest';
import { parsePageSearchParams } from '@/lib/server/http/route-input';
import { returnPageQuery } from '@/lib/server/orders/references';
import { productPageParams } from '@/lib/shop-api';

describe('the shop pages read their input the one way too', () => {
  it('/return takes a reference that can be ours, and anything else as none (the page says "not found")', async () => {
    const read = async (record: Record<string, string | string[] | undefined>) =>
      (await parsePageSearchParams(record, returnPageQuery)).query.reference;
    expect(await read({ reference: 'fb-100001-1-abcdefghijklmnop' })).toBe('fb-100001-1-abcdefghijklmnop');
    expect(await read({ reference: 'short' })).toBeUndefined();
    expect(await read({ reference: 'has space in it' })).toBeUndefined();
    expect(await read({ reference: 'a'.repeat(51) })).toBeUndefined();
    expect(await read({})).toBeUndefined();
  });

  it('a product SKU with a NUL byte never reaches the database', () => {
    expect(productPageParams.safeParse({ sku: 'fjord-mug' }).success).toBe(true);
    expect(productPageParams.safeParse({ sku: 'fjord\u0000mug' }).success).toBe(false);
    expect(productPageParams.safeParse({ sku: '' }).success).toBe(false);
  });
});
