import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PRODUCTS } from '@/lib/server/catalogue/products';

// Images are local files (no network at build or run time), one per seeded product.
describe('seeded product images', () => {
  it.each(SEED_PRODUCTS.map((p) => [p.sku, p.imagePath]))('%s has %s in public/', (_sku, imagePath) => {
    const file = path.join(process.cwd(), 'public', imagePath);
    expect(existsSync(file)).toBe(true);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('viewBox="0 0 400 300"');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // nothing fetched from elsewhere
  });
});
