import { describe, expect, it } from 'vitest';
import { addLine, itemCount, parseCart, priceCart, removeLine, serializeCart, setQuantity } from '@/lib/cart/cart';
import type { Product } from '@/lib/catalogue';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@/lib/shop-api';

const product = (sku: string, priceOre: number, vatPercent: number): Product => ({
  sku,
  name: sku,
  description: '',
  priceOre,
  currency: 'NOK',
  vatPercent,
  imagePath: `/products/${sku}.svg`,
});
const catalogue = [product('mug', 24900, 25), product('brunost', 8990, 15), product('guide', 32900, 0)];

describe('parseCart', () => {
  it('round-trips SKUs and quantities and nothing else', () => {
    const lines = [
      { sku: 'mug', quantity: 2 },
      { sku: 'guide', quantity: 1 },
    ];
    expect(parseCart(serializeCart(lines))).toEqual(lines);
    expect(serializeCart([{ sku: 'mug', quantity: 1, priceOre: 1 } as never])).toBe(
      '{"lines":[{"sku":"mug","quantity":1}]}',
    );
  });

  it('skips malformed storage instead of throwing', () => {
    expect(parseCart(null)).toEqual([]);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart('[1,2]')).toEqual([]);
    const raw = JSON.stringify({
      lines: [
        { sku: 'mug', quantity: 0 },
        { sku: 'mug', quantity: 1.5 },
        'x',
        { sku: 'mug', quantity: 3 },
        { sku: 'mug', quantity: 4 },
      ],
    });
    expect(parseCart(raw)).toEqual([{ sku: 'mug', quantity: 3 }]);
  });

  it('keeps at most the lines one order may hold', () => {
    const lines = Array.from({ length: MAX_CART_LINES + 5 }, (_, i) => ({ sku: `sku-${i}`, quantity: 1 }));
    expect(parseCart(JSON.stringify({ lines }))).toHaveLength(MAX_CART_LINES);
  });
});

describe('cart changes', () => {
  it('adds to an existing line, capped at the line maximum', () => {
    let lines = addLine([], 'mug', 2);
    lines = addLine(lines, 'mug', 3);
    expect(lines).toEqual([{ sku: 'mug', quantity: 5 }]);
    expect(addLine(lines, 'mug', 500)).toEqual([{ sku: 'mug', quantity: MAX_LINE_QUANTITY }]);
  });

  it('sets quantities, and a quantity below one removes the line', () => {
    const lines = addLine(addLine([], 'mug', 1), 'guide', 1);
    expect(setQuantity(lines, 'mug', 4)).toEqual([
      { sku: 'mug', quantity: 4 },
      { sku: 'guide', quantity: 1 },
    ]);
    expect(setQuantity(lines, 'mug', 0)).toEqual([{ sku: 'guide', quantity: 1 }]);
    expect(removeLine(lines, 'guide')).toEqual([{ sku: 'mug', quantity: 1 }]);
    expect(itemCount(setQuantity(lines, 'mug', 4))).toBe(5);
  });
});

describe('priceCart', () => {
  it('prices from the catalogue with VAT per line at each product’s rate', () => {
    const priced = priceCart(
      [
        { sku: 'mug', quantity: 2 },
        { sku: 'brunost', quantity: 3 },
        { sku: 'guide', quantity: 1 },
      ],
      catalogue,
    );
    expect(priced.lines.map((l) => [l.product.sku, l.totalOre, l.vatOre])).toEqual([
      ['mug', 49800, 9960],
      ['brunost', 26970, 3518],
      ['guide', 32900, 0],
    ]);
    expect(priced).toMatchObject({ itemCount: 6, totalOre: 109670, vatOre: 13478, unknownSkus: [] });
  });

  it('drops SKUs the catalogue does not have and reports them', () => {
    const priced = priceCart(
      [
        { sku: 'gone', quantity: 2 },
        { sku: 'mug', quantity: 1 },
      ],
      catalogue,
    );
    expect(priced.unknownSkus).toEqual(['gone']);
    expect(priced).toMatchObject({ itemCount: 1, totalOre: 24900, vatOre: 4980 });
  });
});
