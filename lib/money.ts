/** Amounts are integer øre (minor units) everywhere; this is the only place they become text. */
export function formatOre(ore: number, currency = 'NOK'): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount must be an integer number of øre, got ${ore}`);
  return new Intl.NumberFormat('nb-NO', { style: 'currency', currency, minimumFractionDigits: 2 }).format(ore / 100);
}
