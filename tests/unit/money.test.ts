import { describe, expect, it } from 'vitest';
import { formatOre, oreToKronerInput, parseKroner, vatIncluded } from '@/lib/money';

describe('formatOre', () => {
  it('formats integer øre as kroner', () => {
    expect(formatOre(24900).replace(/\s/g, ' ')).toBe('249,00 kr');
    expect(formatOre(129900).replace(/\s/g, ' ')).toBe('1 299,00 kr');
    expect(formatOre(5).replace(/\s/g, ' ')).toMatch(/0,05/);
  });
  it('refuses fractions of an øre', () => {
    expect(() => formatOre(10.5)).toThrow(RangeError);
  });
});

describe('vatIncluded', () => {
  it('finds the VAT inside a VAT-inclusive price, rounded half up to the øre', () => {
    expect(vatIncluded(1000, 25)).toBe(200); // the Vipps receipt example: 1000 incl. 200 VAT
    expect(vatIncluded(129900, 25)).toBe(25980);
    expect(vatIncluded(8990, 15)).toBe(1173); // 1172.6
    expect(vatIncluded(3, 25)).toBe(1); // 0.6
    expect(vatIncluded(2, 25)).toBe(0); // 0.4
    expect(vatIncluded(32900, 0)).toBe(0);
  });
  it('refuses fractional amounts and impossible rates', () => {
    expect(() => vatIncluded(10.5, 25)).toThrow(RangeError);
    expect(() => vatIncluded(100, 101)).toThrow(RangeError);
    expect(() => vatIncluded(-1, 25)).toThrow(RangeError);
  });
});

describe('parseKroner', () => {
  const ore = (input: string) => {
    const parsed = parseKroner(input);
    return parsed.ok ? parsed.ore : parsed.reason;
  };
  it('reads Norwegian amounts as integer øre', () => {
    expect(ore('250')).toBe(25000);
    expect(ore('250,50')).toBe(25050);
    expect(ore('250,5')).toBe(25050);
    expect(ore('250.50')).toBe(25050);
    expect(ore('0,01')).toBe(1);
    expect(ore('1 250,50')).toBe(125050);
    expect(ore('1\u00a0250,50')).toBe(125050);
    expect(ore('  250,-  ')).toBe(25000);
    expect(ore('250 kr')).toBe(25000);
    expect(ore('kr 250')).toBe(25000);
    expect(ore('10 000')).toBe(1000000);
  });
  it('never rounds through a float', () => {
    expect(ore('0,29')).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(ore('1,15')).toBe(115);
    expect(ore('4,35')).toBe(435);
  });
  it('refuses what it would have to guess', () => {
    for (const bad of ['', '  ', 'abc', '-250', '250,505', '1.250', '1,250.50', '12 34', '2e3', '0x10', '+5', '250,,5'])
      expect(parseKroner(bad).ok, bad).toBe(false);
    expect(ore('0')).toBe('The amount must be at least 0,01 kr.');
    expect(ore('0,00')).toBe('The amount must be at least 0,01 kr.');
    expect(ore('99999999999999999')).toBe('That amount is too large.');
  });
  it('writes øre back as an input value that it reads again', () => {
    expect(oreToKronerInput(75000)).toBe('750,00');
    expect(oreToKronerInput(5)).toBe('0,05');
    expect(oreToKronerInput(102705)).toBe('1027,05');
    for (const value of [1, 99, 100, 123456789]) expect(ore(oreToKronerInput(value))).toBe(value);
  });
});
