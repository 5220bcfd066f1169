import { describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN, newPaymentReference } from '@/lib/server/orders/references';

/** The random tail of many references, measured: how many symbols it really uses, and how long it is. */
function measuredTails(count: number) {
  const tails = Array.from({ length: count }, () => newPaymentReference('FB-100001', 1).slice('fb-100001-1-'.length));
  const symbols = new Set(tails.join(''));
  const lengths = new Set(tails.map((t) => t.length));
  return { tails, symbols, lengths };
}

describe('newPaymentReference', () => {
  it('is a valid Vipps reference that starts with the order number and the attempt', () => {
    const reference = newPaymentReference('FB-100042', 3);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reference.startsWith('fb-100042-3-')).toBe(true);
  });

  it('carries at least 80 random bits: the symbols it uses and its length, measured over 4000 references', () => {
    const { tails, symbols, lengths } = measuredTails(4000);
    expect(lengths.size).toBe(1);
    const [length] = lengths;
    // 4000 × 16 characters: a symbol of a 32-letter alphabet is missing with probability ~32·(31/32)^64000.
    const bits = length! * Math.log2(symbols.size);
    expect({ symbols: symbols.size, length, bits }).toEqual({ symbols: 32, length: 16, bits: 80 });
    // Uniform: each symbol near 1/32 of all characters (±20 % is about 9 standard deviations: 2000 expected per symbol).
    const counts = new Map<string, number>();
    for (const c of tails.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (tails.length * length!) / symbols.size;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
    expect(new Set(tails).size).toBe(tails.length);
  });
});
