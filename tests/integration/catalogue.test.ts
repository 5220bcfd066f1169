import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SEED_PRODUCTS, findProduct, listProducts, seedCatalogue } from '@/lib/server/catalogue/products';
import type { DbHandle } from '@/lib/server/db/core';
import { products } from '@/lib/server/db/schema';
import { DRIVERS } from './db-drivers';

describe.each(DRIVERS)('catalogue on $name', ({ name, open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('uses the expected driver with migrations applied', () => {
    expect(handle.driver).toBe(name);
  });

  it('seeds the catalogue once and keeps prices as integer øre', async () => {
    expect(await seedCatalogue(handle.db)).toBe(SEED_PRODUCTS.length);
    expect(await seedCatalogue(handle.db)).toBe(0);
    const rows = await listProducts(handle.db);
    expect(rows).toHaveLength(SEED_PRODUCTS.length);
    for (const row of rows) expect(Number.isInteger(row.priceOre)).toBe(true);
    expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('does not overwrite edited products when seeding again', async () => {
    await handle.db.update(products).set({ priceOre: 100 }).where(eq(products.sku, 'fjord-mug'));
    await seedCatalogue(handle.db);
    const [mug] = await handle.db.select().from(products).where(eq(products.sku, 'fjord-mug'));
    expect(mug?.priceOre).toBe(100);
  });

  it('finds one product by SKU for its page, and nothing for an unknown SKU', async () => {
    expect(await findProduct(handle.db, 'brunost')).toMatchObject({ sku: 'brunost', vatPercent: 15 });
    expect(await findProduct(handle.db, 'no-such-sku')).toBeUndefined();
  });
});
