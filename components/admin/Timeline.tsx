import { TIMELINE_SOURCE_LABELS, type TimelineEntry, type TimelineSource } from '@/lib/admin-api';
import { formatDateTime } from '@/lib/admin-format';
import { staffResultWords, webhookResultWords } from '@/lib/admin-outcomes';
import { formatOre } from '@/lib/money';

interface TimelineProps {
  entries: TimelineEntry[];
  currency: string;
  /** Payment reference → attempt number, so entries can say which attempt they are about. */
  attemptOf: Record<string, number>;
  /** References whose Vipps event log could not be read for this page. */
  eventLogUnavailable: string[];
}

const SOURCE_TONES: Record<TimelineSource, string> = {
  shop: 'border-shop-line bg-gray-100 text-gray-900',
  staff: 'border-sky-300 bg-sky-50 text-sky-900',
  vipps: 'border-orange-300 bg-vipps-light text-orange-900',
  webhook: 'border-violet-300 bg-violet-50 text-violet-900',
};

/** Vipps' own words ("success", "failed") stay as they are; the shop's codes become sentences. */
function outcomeWords(source: TimelineSource, outcome: string): string {
  if (source === 'webhook') return webhookResultWords(outcome);
  if (source === 'vipps') return outcome;
  return staffResultWords(outcome);
}

/** Our operations, Vipps' event log and the webhooks we received, oldest first and newest last. */
export function Timeline({ entries, currency, attemptOf, eventLogUnavailable }: TimelineProps) {
  return (
    <div>
      {eventLogUnavailable.length > 0 && (
        <p
          className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="event-log-unavailable"
        >
          Vipps&apos; event log could not be read
          {eventLogUnavailable.length < Object.keys(attemptOf).length &&
            ` for attempt ${eventLogUnavailable.map((r) => attemptOf[r]).join(', ')}`}
          , so Vipps&apos; own entries are missing below. Reload the page to try again.
        </p>
      )}
      <ol className="flex flex-col gap-2" data-testid="timeline">
        {entries.map((e, i) => (
          <li
            key={i}
            data-testid="timeline-entry"
            data-source={e.source}
            className="rounded-lg border border-shop-line bg-white p-3 text-sm"
          >
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${SOURCE_TONES[e.source]}`}>
                {TIMELINE_SOURCE_LABELS[e.source]}
              </span>
              <span className="font-semibold">{e.title}</span>
              {e.amountOre !== null && <span className="tabular-nums">{formatOre(e.amountOre, currency)}</span>}
              {e.outcome && <span className="text-shop-muted">→ {outcomeWords(e.source, e.outcome)}</span>}
              <time dateTime={e.at} className="ml-auto text-xs text-shop-muted">
                {formatDateTime(e.at)}
              </time>
            </div>
            <p className="mt-1 text-xs text-shop-muted [overflow-wrap:anywhere]">
              {[
                e.reference && attemptOf[e.reference] !== undefined && `Attempt ${attemptOf[e.reference]}`,
                e.actor && `by ${e.actor}`,
                e.idempotencyKey && `Idempotency-Key ${e.idempotencyKey}`,
                e.detail,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
