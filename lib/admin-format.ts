// Small display helpers for the admin pages (isomorphic: pure functions of their inputs).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago `sinceIso` was, coarsely: "under a minute", "12 min", "5 h", "1 day", "3 days". */
export function ageOf(sinceIso: string, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - Date.parse(sinceIso));
  if (elapsed < MINUTE) return 'under a minute';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h`;
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

/** Staff read times in Norway's time zone whatever the server's, with the date always shown. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** A day (YYYY-MM-DD) as the staff pages write it everywhere: DD.MM.YYYY, like the dates in the tables. */
export function formatShopDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}.${month}.${year}`;
}

const STAFF_ACTION_LABELS: Record<string, string> = {
  capture: 'Capture',
  refund: 'Refund',
  cancel: 'Cancel',
  check_with_vipps: 'Check with Vipps',
  process_webhook_again: 'Process webhook again',
};

/** The staff log's `action` as staff read it; an action this build does not know is shown as stored. */
export function staffActionLabel(action: string): string {
  return STAFF_ACTION_LABELS[action] ?? action;
}
