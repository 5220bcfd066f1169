import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartLineSchema, phoneInputSchema } from '@/lib/shop-api';
import { MAX_LINE_QUANTITY, MAX_SKU_LENGTH, checkPhoneInput, isCartLine } from '@/lib/shop-rules';

// The browser checks with the plain rules, the route handlers with the zod schemas: they must never disagree,
// or a cart the page accepts would be refused at checkout (or the other way round).
const nearTheEdges = fc.oneof(
  fc.record({
    sku: fc.oneof(fc.string({ maxLength: MAX_SKU_LENGTH + 2 }), fc.constant(''), fc.integer()),
    quantity: fc.oneof(
      fc.integer({ min: -2, max: MAX_LINE_QUANTITY + 2 }),
      fc.double(),
      fc.constantFrom(1.5, Number.NaN, Infinity, 2 ** 53, '2', null),
    ),
  }),
  fc.record({ sku: fc.string() }),
  fc.anything(),
);

describe('the plain shop rules and the zod schemas', () => {
  it('agree on every cart line, near the limits and far from them', () => {
    fc.assert(
      fc.property(nearTheEdges, (value) => {
        expect(isCartLine(value)).toBe(cartLineSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('agree on every phone field, and on the number they make of it', () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 34 }),
      fc.stringMatching(/^(\+47 ?|0047 ?)?[2-9]\d{2} ?\d{2} ?\d{3}$/),
      fc.stringMatching(/^ *\+?\d{8,16} *$/),
    );
    fc.assert(
      fc.property(typed, (value) => {
        const plain = checkPhoneInput(value);
        const schema = phoneInputSchema.safeParse(value);
        expect(plain.ok).toBe(schema.success);
        if (plain.ok && schema.success) expect(plain.msisdn).toBe(schema.data);
      }),
      { numRuns: 2000 },
    );
  });
});
