import { describe, expect, it } from 'vitest';
import { checkoutRequestSchema, phoneInputSchema, toMsisdn } from '@/lib/shop-api';

describe('toMsisdn', () => {
  it.each([
    ['912 34 567', '4791234567'],
    ['+47 912 34 567', '4791234567'],
    ['0047 91234567', '4791234567'],
    ['4791234567', '4791234567'],
    ['+46 70 123 45 67', '46701234567'],
    ['(+47) 912-34-567', '4791234567'],
  ])('%j → %j', (input, expected) => {
    expect(toMsisdn(input)).toBe(expected);
  });

  it.each(['12345', '+47 912 34 56', '+47 912 34 5678', 'abc', '++4791234567', '9123456789012345', ''])(
    'refuses %j',
    (input) => {
      expect(toMsisdn(input)).toBeUndefined();
    },
  );
});

describe('checkoutRequestSchema', () => {
  it('keeps only SKUs, quantities and the phone number', () => {
    const parsed = checkoutRequestSchema.parse({
      items: [{ sku: 'fjord-mug', quantity: 2, priceOre: 1 }],
      phoneNumber: '912 34 567',
      totalOre: 1,
    });
    expect(parsed).toEqual({ items: [{ sku: 'fjord-mug', quantity: 2 }], phoneNumber: '4791234567' });
  });

  it('treats an empty phone field as no phone', () => {
    expect(phoneInputSchema.parse('  ')).toBeUndefined();
  });

  it('refuses empty carts, bad quantities and repeated SKUs with field paths', () => {
    const issues = (body: unknown) => checkoutRequestSchema.safeParse(body).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ items: [] })).toEqual(['items']);
    expect(issues({ items: [{ sku: 'a', quantity: 0 }] })).toEqual(['items.0.quantity']);
    expect(issues({ items: [{ sku: 'a', quantity: 1.5 }] })).toEqual(['items.0.quantity']);
    expect(issues({ items: [{ sku: 'a', quantity: 100 }] })).toEqual(['items.0.quantity']);
    expect(
      issues({
        items: [
          { sku: 'a', quantity: 1 },
          { sku: 'a', quantity: 2 },
        ],
      }),
    ).toEqual(['items']);
    expect(issues({ items: [{ sku: 'a', quantity: 1 }], phoneNumber: '123' })).toEqual(['phoneNumber']);
  });
});
