import { describe, expect, it } from 'vitest';
import { csvField, csvLine, oreAsKr } from '@/lib/csv';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180), and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 42])).toBe('a,"b,c","say ""hi""","two\nlines",,42\r\n');
  });

  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tx'])(
    'defuses %j so a spreadsheet shows it as text instead of running it',
    (value) => {
      expect(csvField(value).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('keeps negative numbers as numbers', () => {
    expect(csvField(-500)).toBe('-500');
  });

  it('writes øre as kroner with a decimal point', () => {
    expect([129900, 5, 0, -550, 100].map(oreAsKr)).toEqual(['1299.00', '0.05', '0.00', '-5.50', '1.00']);
    expect(() => oreAsKr(1.5)).toThrow(RangeError);
  });
});
