import { asc, eq, inArray } from 'drizzle-orm';
import type { Product } from '@/lib/catalogue';
import type { Db } from '../db/core';
import { products, type NewProductRow, type ProductRow } from '../db/schema';

/** The demo catalogue. Prices in øre; inserted on start when missing, never overwriting staff edits. */
export const SEED_PRODUCTS: NewProductRow[] = [
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
  {
    sku: 'roros-blanket',
    name: 'Røros wool blanket',
    description: 'Woven from Norwegian pelt wool in Røros, 135 × 200 cm. Warm enough for a cabin in February.',
    priceOre: 129900,
    imagePath: '/products/roros-blanket.svg',
  },
  {
    sku: 'brunost',
    name: 'Brunost, 500 g',
    description: 'Caramel-sweet Gudbrandsdal brown cheese. Food, so 15 % VAT.',
    priceOre: 8990,
    vatPercent: 15,
    imagePath: '/products/brunost.svg',
  },
  {
    sku: 'fjellkaffe',
    name: 'Fjellkaffe coffee beans, 250 g',
    description: 'Light-roasted beans for kokekaffe on the trail. Food, so 15 % VAT.',
    priceOre: 12900,
    vatPercent: 15,
    imagePath: '/products/fjellkaffe.svg',
  },
  {
    sku: 'jotunheimen-guide',
    name: 'Jotunheimen hiking guide',
    description: '42 day hikes with maps and hut notes. Books carry 0 % VAT in Norway.',
    priceOre: 32900,
    vatPercent: 0,
    imagePath: '/products/jotunheimen-guide.svg',
  },
];

export async function seedCatalogue(db: Db): Promise<number> {
  const inserted = await db.insert(products).values(SEED_PRODUCTS).onConflictDoNothing().returning();
  return inserted.length;
}

export async function listProducts(db: Db): Promise<Product[]> {
  const rows = await db.select().from(products).orderBy(asc(products.name));
  return rows.map(toProduct);
}

function toProduct({ sku, name, description, priceOre, currency, vatPercent, imagePath }: ProductRow): Product {
  return { sku, name, description, priceOre, currency, vatPercent, imagePath };
}

export async function findProducts(db: Db, skus: string[]): Promise<Product[]> {
  if (skus.length === 0) return [];
  const rows = await db.select().from(products).where(inArray(products.sku, skus));
  return rows.map(toProduct);
}

export async function findProduct(db: Db, sku: string): Promise<Product | undefined> {
  const [row] = await db.select().from(products).where(eq(products.sku, sku)).limit(1);
  return row ? toProduct(row) : undefined;
}
