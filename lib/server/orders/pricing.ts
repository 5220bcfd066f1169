import type { Product } from '@/lib/catalogue';
import { vatIncluded } from '@/lib/money';
import type { OrderLineView } from '@/lib/shop-api';
import { ProblemError } from '../http/problem';

/** A priced order line: what the shopper sees (lib/shop-api.ts) plus its place in the order. */
export interface PricedLine extends OrderLineView {
  position: number;
}

export interface PricedCart {
  currency: string;
  lines: PricedLine[];
  totalOre: number;
  vatOre: number;
}

/** Vipps' per-payment maximum (BRIEF §4.1: amount.value maximum 65 000 000 øre). */
export const MAX_PAYMENT_ORE = 65_000_000;

/**
 * Prices the cart from the catalogue alone: the browser sends SKUs and quantities, never prices. VAT is worked
 * out per line (rounded per line, as on the receipt), so line VAT adds up to the order's VAT exactly.
 */
export function priceCart(catalogue: Product[], items: { sku: string; quantity: number }[]): PricedCart {
  const bySku = new Map(catalogue.map((p) => [p.sku, p]));
  const unknown = items.flatMap((item, index) => (bySku.has(item.sku) ? [] : [index]));
  if (unknown.length > 0) {
    throw new ProblemError({
      status: 400,
      code: 'validation_failed',
      title: 'Some products are no longer sold',
      detail: 'Remove them from the cart and try again.',
      errors: unknown.map((index) => ({
        path: `items.${index}.sku`,
        message: 'This product is not in the catalogue.',
      })),
    });
  }
  const lines = items.map((item, position) => {
    const product = bySku.get(item.sku)!;
    const totalOre = product.priceOre * item.quantity;
    return {
      position,
      sku: product.sku,
      name: product.name,
      quantity: item.quantity,
      unitPriceOre: product.priceOre,
      totalOre,
      vatPercent: product.vatPercent,
      vatOre: vatIncluded(totalOre, product.vatPercent),
    };
  });
  const currencies = new Set(items.map((item) => bySku.get(item.sku)!.currency));
  const totalOre = lines.reduce((sum, line) => sum + line.totalOre, 0);
  if (currencies.size !== 1 || totalOre > MAX_PAYMENT_ORE) {
    throw new ProblemError({
      status: 400,
      code: 'validation_failed',
      title:
        currencies.size !== 1 ? 'The cart mixes currencies' : 'The order is above what Vipps can take in one payment',
      errors: [{ path: 'items', message: 'Split the order.' }],
    });
  }
  return {
    currency: [...currencies][0]!,
    lines,
    totalOre,
    vatOre: lines.reduce((sum, line) => sum + line.vatOre, 0),
  };
}
