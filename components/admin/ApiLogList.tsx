import Link from 'next/link';
import type { ApiLogEntry } from '@/lib/admin-observability-api';
import { apiLogStep, prettyBody } from '@/lib/admin-api-log';
import { formatDateTime } from '@/lib/admin-format';

interface ApiLogListProps {
  entries: ApiLogEntry[];
  /** Says how the list is sorted (screen readers hear it before the rows). */
  label: string;
  /** On the whole log: link each row's reference to the orders list searched for it. */
  linkReferences?: boolean;
}

const ok = (e: ApiLogEntry) => e.status !== null && e.status >= 200 && e.status < 300;

function Outcome({ entry }: { entry: ApiLogEntry }) {
  // Words first, colour second (WCAG 1.4.1): "500" and "no answer" read the same without the tint.
  const tone = ok(entry) ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900';
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums ${tone}`} data-testid="api-log-status">
      {entry.status ?? `no answer: ${entry.error ?? 'unknown'}`}
    </span>
  );
}

function Body({ title, text }: { title: string; text: string | null }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-semibold">{title}</p>
      {text === null ? (
        <p className="text-xs text-shop-muted">No body.</p>
      ) : (
        <pre
          // Focusable and named, so a keyboard can scroll a long body (axe: scrollable-region-focusable).
          tabIndex={0}
          role="region"
          aria-label={title}
          className="max-h-80 overflow-auto rounded bg-gray-100 p-2 text-xs leading-snug text-shop-ink"
        >
          {prettyBody(text)}
        </pre>
      )}
    </div>
  );
}

/** Every exchange with Vipps as it happened: one row per attempt, bodies behind a native disclosure (no JS). */
export function ApiLogList({ entries, label, linkReferences = false }: ApiLogListProps) {
  return (
    <ol aria-label={label} className="flex flex-col gap-2" data-testid="api-log">
      {entries.map((e) => (
        <li
          key={e.id}
          data-testid="api-log-entry"
          data-step={apiLogStep(e.method, e.path)}
          data-attempt={e.attempt}
          className="rounded-lg border border-shop-line bg-white p-3 text-sm"
        >
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="rounded border border-shop-line bg-gray-100 px-1.5 py-0.5 text-xs font-semibold">
              {apiLogStep(e.method, e.path)}
            </span>
            <code className="break-all font-mono text-xs">
              {e.method} {e.path}
            </code>
            <Outcome entry={e} />
            {e.attempt > 1 && (
              <span
                className="rounded border-2 border-dashed border-amber-700 px-1.5 text-xs font-semibold text-amber-900"
                data-testid="api-log-retry"
              >
                retry {e.attempt}
              </span>
            )}
            <span className="text-xs tabular-nums text-shop-muted">{e.durationMs} ms</span>
            <time dateTime={e.at} className="ml-auto text-xs text-shop-muted">
              {formatDateTime(e.at)}
            </time>
          </div>
          {/* Only the values (long ids without spaces) may break anywhere; a label like "pspReference" never. */}
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-shop-muted">
            <div className="flex min-w-0 gap-1">
              <dt className="shrink-0">Attempt</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid="api-log-attempt">
                {e.attempt}
              </dd>
            </div>
            {e.idempotencyKey && (
              <div className="flex min-w-0 gap-1">
                <dt className="shrink-0">Idempotency-Key</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid="api-log-key">
                  {e.idempotencyKey}
                </dd>
              </div>
            )}
            {e.reference && (
              <div className="flex min-w-0 gap-1">
                <dt className="shrink-0">Reference</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">
                  {linkReferences ? (
                    <Link href={`/admin/orders?q=${encodeURIComponent(e.reference)}`} className="underline">
                      {e.reference}
                    </Link>
                  ) : (
                    e.reference
                  )}
                </dd>
              </div>
            )}
            {e.traceId && (
              <div className="flex min-w-0 gap-1">
                <dt className="shrink-0">traceId</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">{e.traceId}</dd>
              </div>
            )}
            {e.pspReference && (
              <div className="flex min-w-0 gap-1">
                <dt className="shrink-0">pspReference</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">{e.pspReference}</dd>
              </div>
            )}
          </dl>
          <details className="mt-2">
            <summary className="cursor-pointer text-xs font-semibold underline underline-offset-4">
              Request and response bodies
            </summary>
            <div className="mt-2 flex flex-col gap-2 md:flex-row">
              <Body title={`Request body (${e.method} ${e.path})`} text={e.requestBody} />
              <Body title={`Response body (${e.status ?? 'no answer'})`} text={e.responseBody} />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
