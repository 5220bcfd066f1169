import { describe, expect, it } from 'vitest';
import { formatOre } from '@/lib/money';

describe('formatOre', () => {
  it('formats integer øre as kroner', () => {
    expect(formatOre(24900).replace(/\s/g, ' ')).toMatch(/249,00/);
    expect(formatOre(5).replace(/\s/g, ' ')).toMatch(/0,05/);
  });
  it('refuses fractions of an øre', () => {
    expect(() => formatOre(10.5)).toThrow(RangeError);
  });
});
