import Link from 'next/link';
import type { WebhookDeliveryItem } from '@/lib/admin-observability-api';
import { prettyBody } from '@/lib/admin-api-log';
import { formatDateTime } from '@/lib/admin-format';
import { webhookResultWords } from '@/lib/admin-outcomes';
import { ReprocessButton } from './ReprocessButton';

interface WebhookDeliveriesProps {
  deliveries: WebhookDeliveryItem[];
  /** Operators get "Process again"; viewers see the same rows without it. */
  canReprocess: boolean;
}

function Verdict({ delivery }: { delivery: WebhookDeliveryItem }) {
  // The word carries the meaning; the tint only repeats it (WCAG 1.4.1).
  return delivery.refusalReason === null ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">Verified</span>
  ) : (
    <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">
      Refused: {delivery.refusalReason}
    </span>
  );
}

function OrderLink({ delivery }: { delivery: WebhookDeliveryItem }) {
  if (!delivery.reference) return <>no reference</>;
  const claimed = delivery.refusalReason !== null;
  const target = delivery.orderNumber ? (
    <Link href={`/admin/orders/${encodeURIComponent(delivery.orderNumber)}`} className="underline underline-offset-2">
      {delivery.orderNumber}
    </Link>
  ) : (
    'no order of ours'
  );
  return (
    <>
      {claimed && 'claims '}
      {/* A reference has no spaces: only it may break anywhere, not the words around it (seen at 390 px). */}
      <span className="[overflow-wrap:anywhere]">{delivery.reference}</span> → order {target}
    </>
  );
}

/** The webhook inbox's rows: what arrived, whether it was believed, and what processing did with it. */
export function WebhookDeliveries({ deliveries, canReprocess }: WebhookDeliveriesProps) {
  return (
    <ol aria-label="Deliveries, newest first" className="flex flex-col gap-2" data-testid="webhook-deliveries">
      {deliveries.map((d) => (
        <li
          key={d.id}
          data-testid="webhook-delivery"
          data-delivery-id={d.id}
          data-reference={d.reference ?? ''}
          className="rounded-lg border border-shop-line bg-white p-3 text-sm"
        >
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Verdict delivery={d} />
            <span className="font-semibold">{d.name ?? 'no event name'}</span>
            {d.duplicate && (
              <span className="rounded border-2 border-dashed border-amber-700 px-1.5 text-xs font-semibold text-amber-900">
                duplicate
              </span>
            )}
            <time dateTime={d.receivedAt} className="ml-auto text-xs text-shop-muted">
              {formatDateTime(d.receivedAt)}
            </time>
          </div>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-shop-muted">
            <div className="flex min-w-0 gap-1">
              <dt className="shrink-0 after:content-[':']">Payment reference</dt>
              <dd data-testid="webhook-order" className="min-w-0">
                <OrderLink delivery={d} />
              </dd>
            </div>
            <div className="flex gap-1">
              <dt className="after:content-[':']">Result</dt>
              <dd data-testid="webhook-result">
                {d.result !== null
                  ? webhookResultWords(d.result)
                  : d.refusalReason === null
                    ? 'waiting to be processed'
                    : 'not processed'}
              </dd>
            </div>
            {d.duplicateCount > 0 && (
              <div className="flex gap-1" data-testid="webhook-repeats">
                <dt className="after:content-[':']">Repeats</dt>
                <dd>
                  {d.duplicateCount} more {d.duplicateCount === 1 ? 'time' : 'times'}, last{' '}
                  {d.lastReceivedAt && <time dateTime={d.lastReceivedAt}>{formatDateTime(d.lastReceivedAt)}</time>} (not
                  processed again)
                </dd>
              </div>
            )}
            {d.processedAt && (
              <div className="flex gap-1">
                <dt className="after:content-[':']">Processed</dt>
                <dd>
                  <time dateTime={d.processedAt}>{formatDateTime(d.processedAt)}</time>
                </dd>
              </div>
            )}
          </dl>
          <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
            <details className="min-w-0 flex-1">
              <summary className="cursor-pointer text-xs font-semibold underline underline-offset-4">
                Body as received
              </summary>
              <pre
                // Focusable and named, so a keyboard can scroll a long body (axe: scrollable-region-focusable).
                tabIndex={0}
                role="region"
                aria-label={`Body of delivery ${d.id}`}
                className="mt-2 max-h-80 overflow-auto rounded bg-gray-100 p-2 text-xs leading-snug"
              >
                {prettyBody(d.body)}
              </pre>
            </details>
            {canReprocess && d.canReprocess && <ReprocessButton deliveryId={d.id} />}
          </div>
        </li>
      ))}
    </ol>
  );
}
