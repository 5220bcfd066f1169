import { z } from 'zod';

/** The shop's calendar: "today" and a date range mean days in Norway, whatever the server's clock zone. */
export const SHOP_TIME_ZONE = 'Europe/Oslo';

const isoDate = z.iso.date({ message: 'must be a date like 2026-12-01' });

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both days included; at most a year, and `from` not after `to`. */
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
