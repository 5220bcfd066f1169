/** Text helpers for the HTML pages: escaping and Norwegian amount formatting ("249,00 kr"). */
import type { Amount } from '../epayment/payment';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const NUMBER = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const SUFFIX: Record<Amount['currency'], string> = { NOK: 'kr', DKK: 'kr.', EUR: '€' };

/** 24900 NOK → "249,00 kr" (Norwegian style: comma decimals, space as thousands separator). */
export function formatAmount(amount: Amount): string {
  return `${NUMBER.format(amount.value / 100)} ${SUFFIX[amount.currency]}`;
}

/** Accepts what people type ("+47 912 34 567", "91234567") and returns an MSISDN, or null (BRIEF §4.1: ^\d{10,15}$). */
export function normalizePhoneNumber(input: string): string | null {
  const digits = input
    .replace(/[\s().-]/g, '')
    .replace(/^\+/, '')
    .replace(/^00/, '');
  if (/^\d{8}$/.test(digits)) return `47${digits}`; // a Norwegian number typed without country code
  return /^\d{10,15}$/.test(digits) ? digits : null;
}
