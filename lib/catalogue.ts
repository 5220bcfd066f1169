/** A product as pages and components see it (isomorphic: no database types). Prices are integer øre. */
export interface Product {
  sku: string;
  name: string;
  description: string;
  priceOre: number;
  currency: string;
  /** VAT included in `priceOre`, in whole percent (25, 15 or 0 in Norway). */
  vatPercent: number;
  imagePath: string;
}
