import { asc } from 'drizzle-orm';
import type { Db } from './core';
import { products, type NewProduct, type Product } from './schema';

/** The demo catalogue. Prices in øre; inserted on start when missing, never overwriting staff edits. */
export const SEED_PRODUCTS: NewProduct[] = [
  {
    sku: 'fjord-mug',
    name: 'Fjord enamel mug',
    description: 'Hand-dipped enamel mug, 350 ml. Survives campfires and office kitchens alike.',
    priceOre: 24900,
    imagePath: '/products/fjord-mug.svg',
  },
  {
    sku: 'wool-socks',
    name: 'Merino hiking socks',
    description: 'Two pairs of mid-weight merino socks knitted in Gudbrandsdalen.',
    priceOre: 34900,
    imagePath: '/products/wool-socks.svg',
  },
  {
    sku: 'brown-cheese-slicer',
    name: 'Cheese slicer',
    description: 'The Norwegian ostehøvel: stainless steel blade, oak handle, lifetime warranty.',
    priceOre: 19900,
    imagePath: '/products/cheese-slicer.svg',
  },
  {
    sku: 'aurora-print',
    name: 'Aurora poster',
    description: 'Northern lights over Tromsø, printed on 200 g matte paper, 50 × 70 cm.',
    priceOre: 44900,
    imagePath: '/products/aurora-print.svg',
  },
];

export async function seedCatalogue(db: Db): Promise<number> {
  const inserted = await db.insert(products).values(SEED_PRODUCTS).onConflictDoNothing().returning();
  return inserted.length;
}

export function listProducts(db: Db): Promise<Product[]> {
  return db.select().from(products).orderBy(asc(products.name));
}
