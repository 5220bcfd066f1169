// The cart as the browser keeps it: SKUs and quantities only. Prices, totals and VAT are always worked out from
// the catalogue the server passes down, so a stale or edited localStorage can never change what is charged.
import type { Product } from '@/lib/catalogue';
import { vatIncluded } from '@/lib/money';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, isCartLine } from '@/lib/shop-rules';

export interface CartLine {
  sku: string;
  quantity: number;
}

export const EMPTY_CART: readonly CartLine[] = Object.freeze([]);

/** Reads what localStorage holds; anything malformed (an old format, a hand edit) is skipped, never thrown. */
export function parseCart(raw: string | null): CartLine[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const stored = (json as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(stored)) return [];
  const lines: CartLine[] = [];
  for (const candidate of stored) {
    if (!isCartLine(candidate) || lines.some((l) => l.sku === candidate.sku)) continue;
    if (lines.length >= MAX_CART_LINES) break;
    lines.push({ sku: candidate.sku, quantity: candidate.quantity });
  }
  return lines;
}

export function serializeCart(lines: readonly CartLine[]): string {
  return JSON.stringify({ lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) });
}

function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_LINE_QUANTITY, Math.max(1, Math.trunc(quantity)));
}

/** Adds to an existing line (capped at the most one order line may hold) or appends a new one. */
export function addLine(lines: readonly CartLine[], sku: string, quantity: number): CartLine[] {
  const existing = lines.find((l) => l.sku === sku);
  if (existing) return setQuantity(lines, sku, existing.quantity + quantity);
  if (lines.length >= MAX_CART_LINES) return [...lines];
  return [...lines, { sku, quantity: clampQuantity(quantity) }];
}

/** A quantity below 1 removes the line: a stepper pressed down past one means "take it out". */
export function setQuantity(lines: readonly CartLine[], sku: string, quantity: number): CartLine[] {
  if (quantity < 1) return removeLine(lines, sku);
  return lines.map((l) => (l.sku === sku ? { sku, quantity: clampQuantity(quantity) } : l));
}

export function removeLine(lines: readonly CartLine[], sku: string): CartLine[] {
  return lines.filter((l) => l.sku !== sku);
}

export function itemCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}

export interface PricedCartLine {
  product: Product;
  quantity: number;
  totalOre: number;
  vatOre: number;
}

export interface PricedCart {
  lines: PricedCartLine[];
  /** SKUs in the cart that the catalogue no longer has: shown as a notice and left out of the totals. */
  unknownSkus: string[];
  itemCount: number;
  totalOre: number;
  /** The VAT contained in the total, summed per line as the order and the Vipps receipt do. */
  vatOre: number;
  currency: string;
}

export function priceCart(lines: readonly CartLine[], catalogue: readonly Product[]): PricedCart {
  const bySku = new Map(catalogue.map((p) => [p.sku, p]));
  const priced: PricedCartLine[] = [];
  const unknownSkus: string[] = [];
  for (const { sku, quantity } of lines) {
    const product = bySku.get(sku);
    if (!product) {
      unknownSkus.push(sku);
      continue;
    }
    const totalOre = product.priceOre * quantity;
    priced.push({ product, quantity, totalOre, vatOre: vatIncluded(totalOre, product.vatPercent) });
  }
  return {
    lines: priced,
    unknownSkus,
    itemCount: priced.reduce((sum, l) => sum + l.quantity, 0),
    totalOre: priced.reduce((sum, l) => sum + l.totalOre, 0),
    vatOre: priced.reduce((sum, l) => sum + l.vatOre, 0),
    currency: priced[0]?.product.currency ?? 'NOK',
  };
}
