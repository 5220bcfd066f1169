import { z } from 'zod';

/** The shop's calendar: "today" and a date range mean days in Norway, whatever the server's clock zone. */
export const SHOP_TIME_ZONE = 'Europe/Oslo';

/** "7.12.2026" or "07.12.2026", the way the staff pages write a day, as YYYY-MM-DD; anything else unchanged. */
function fromShopDate(value: unknown): unknown {
  const match = typeof value === 'string' ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim()) : null;
  if (!match) return value;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const isoDate = z.preprocess(fromShopDate, z.iso.date({ message: 'must be a date like 01.12.2026 (or 2026-12-01)' }));

/**
 * `?from=…&to=…`, both days included; at most a year, and `from` not after `to`. A day is DD.MM.YYYY (what the
 * export form shows, as the staff tables do) or YYYY-MM-DD (for scripts).
 */
export const dateRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    message: 'at most one year at a time',
    path: ['to'],
  });
export type DateRange = z.infer<typeof dateRangeSchema>;

const dayInShopZone = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: SHOP_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** The export form's default: the last `days` days in Norway, today included. */
export function lastDaysRange(days: number, now: Date = new Date()): DateRange {
  const to = dayInShopZone(now);
  const from = new Date(Date.parse(`${to}T12:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
