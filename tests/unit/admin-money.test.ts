import { describe, expect, it } from 'vitest';
import { amountProblem, confirmationText, doneText } from '@/lib/admin-money';

const plain = (text: string) => text.replace(/\s/g, ' ');
const sentence = (move: Parameters<typeof confirmationText>[0]) => plain(confirmationText(move));
const NOK = { currency: 'NOK' };

describe('confirmationText says exactly what will happen', () => {
  it('capture: what is taken and what stays reserved', () => {
    expect(sentence({ ...NOK, kind: 'capture', amountOre: 25000, availableOre: 100000, capturedOre: 0 })).toBe(
      'Capture 250,00 kr; 750,00 kr stays reserved.',
    );
    expect(sentence({ ...NOK, kind: 'capture', amountOre: 75000, availableOre: 75000, capturedOre: 25000 })).toBe(
      'Capture 750,00 kr; nothing stays reserved.',
    );
  });
  it('refund: what goes back and what stays refundable', () => {
    expect(sentence({ ...NOK, kind: 'refund', amountOre: 10000, availableOre: 25000, capturedOre: 25000 })).toBe(
      'Refund 100,00 kr to the customer; 150,00 kr stays refundable.',
    );
    expect(sentence({ ...NOK, kind: 'refund', amountOre: 25000, availableOre: 25000, capturedOre: 25000 })).toBe(
      'Refund 250,00 kr to the customer; nothing stays refundable.',
    );
  });
  it('cancel: what is released and that captured money is not touched', () => {
    expect(sentence({ ...NOK, kind: 'cancel', amountOre: 75000, availableOre: 75000, capturedOre: 25000 })).toBe(
      'Cancel: 750,00 kr stops being reserved; 250,00 kr already captured is not affected.',
    );
    expect(sentence({ ...NOK, kind: 'cancel', amountOre: 100000, availableOre: 100000, capturedOre: 0 })).toBe(
      'Cancel: 1 000,00 kr stops being reserved; nothing has been captured.',
    );
    expect(sentence({ ...NOK, kind: 'cancel', amountOre: 0, availableOre: 0, capturedOre: 0 })).toBe(
      'Cancel: the payment stops; the customer can no longer approve it.',
    );
  });
});

describe('amountProblem and doneText', () => {
  it('names both amounts when staff ask for more than is left', () => {
    expect(plain(amountProblem('capture', 110000, 102700, 'NOK')!)).toBe(
      'Capture of 1 100,00 kr is more than the 1 027,00 kr that can still be captured.',
    );
    expect(plain(amountProblem('refund', 30001, 30000, 'NOK')!)).toBe(
      'Refund of 300,01 kr is more than the 300,00 kr that can still be refunded.',
    );
    expect(amountProblem('refund', 1, 0, 'NOK')).toMatch(/^Nothing is left to refund/);
    expect(amountProblem('capture', 100, 100, 'NOK')).toBeNull();
  });
  it('says what happened in the past tense', () => {
    expect(plain(doneText('capture', 41080, 'NOK'))).toBe('Captured 410,80 kr.');
    expect(plain(doneText('refund', 100, 'NOK'))).toBe('Refunded 1,00 kr to the customer.');
    expect(plain(doneText('cancel', 77700, 'NOK'))).toBe('Cancelled: 777,00 kr is no longer reserved.');
  });
});
