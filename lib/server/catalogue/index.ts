import 'server-only';
import type { Product } from '@/lib/catalogue';
import { getDb } from '../db';
import { findProduct, listProducts } from './products';

/** The catalogue as shoppers see it, in name order. */
export async function getCatalogue(): Promise<Product[]> {
  return listProducts(await getDb());
}

/** One product for its page; undefined for an unknown SKU (the page answers 404). */
export async function getProduct(sku: string): Promise<Product | undefined> {
  return findProduct(await getDb(), sku);
}
