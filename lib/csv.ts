// CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, fields quoted when needed. Isomorphic.

/**
 * A field as text. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: a staff note or a shopper-supplied value must never become `=HYPERLINK(...)` in Excel (OWASP
 * "CSV injection"). Numbers are written as they are, so negative amounts stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** Øre as plain kroner with a decimal point ("1299.00", "-5.50"): machine-readable, unlike "1 299,00 kr". */
export function oreAsKr(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount must be an integer number of øre, got ${ore}`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
