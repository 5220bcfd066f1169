/** Amounts are integer øre (minor units) everywhere; this is the only place they become text. */
export function formatOre(ore: number, currency = 'NOK'): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount must be an integer number of øre, got ${ore}`);
  return new Intl.NumberFormat('nb-NO', { style: 'currency', currency, minimumFractionDigits: 2 }).format(ore / 100);
}

/**
 * The VAT contained in a VAT-inclusive amount, rounded to the nearest øre (half up). Used for order lines, the
 * Vipps receipt and the cart alike, so the browser shows what the server will charge.
 */
export function vatIncluded(totalOre: number, vatPercent: number): number {
  if (!Number.isSafeInteger(totalOre) || totalOre < 0) throw new RangeError(`Bad amount ${totalOre}`);
  if (!Number.isInteger(vatPercent) || vatPercent < 0 || vatPercent > 100)
    throw new RangeError(`Bad VAT ${vatPercent}`);
  return Math.floor((totalOre * vatPercent * 2 + (100 + vatPercent)) / (2 * (100 + vatPercent)));
}

export type ParsedKroner = { ok: true; ore: number } | { ok: false; reason: string };

// Digits, optionally in space-separated groups of three, then an optional decimal comma (or point) with one or
// two digits, or the Norwegian ",-" for whole kroner. A point between groups of three ("1.250") is refused:
// it reads as 1 250 kr in Norway and as 1,25 elsewhere, and money must never be guessed.
const KRONER_PATTERN = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d{1,2})|,-)?$/;

/**
 * Staff type amounts the Norwegian way ("250", "250,50", "1 250,5", "250,-", "250 kr"); this turns them into
 * integer øre with string arithmetic only, so no float can ever round an amount.
 */
export function parseKroner(input: string): ParsedKroner {
  const text = input
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/^kr\.?\s*|\s*kr\.?$/i, '')
    .trim();
  if (text === '') return { ok: false, reason: 'Enter an amount in kroner, for example 250 or 250,50.' };
  const match = KRONER_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'Write the amount like 250 or 1 250,50 (at most two decimals).' };
  const whole = match[1]!.replace(/ /g, '');
  const ore = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return { ok: false, reason: 'That amount is too large.' };
  if (ore < 1) return { ok: false, reason: 'The amount must be at least 0,01 kr.' };
  return { ok: true, ore };
}

/** Øre as staff would type them back into an amount field: "750,00" (no currency, no grouping). */
export function oreToKronerInput(ore: number): string {
  if (!Number.isSafeInteger(ore) || ore < 0) throw new RangeError(`Bad amount ${ore}`);
  return `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}
