import type { StaffActionView } from '@/lib/admin-api';
import { formatDateTime, staffActionLabel } from '@/lib/admin-format';
import { staffResultWords } from '@/lib/admin-outcomes';
import { formatOre } from '@/lib/money';

interface AuditLogProps {
  actions: StaffActionView[];
  currency: string;
  attemptOf: Record<string, number>;
}

const th = 'whitespace-nowrap px-3 py-2 font-medium';
const td = 'px-3 py-2 align-top';

/** The append-only record of what staff did to this order's payments (staff_actions). */
export function AuditLog({ actions, currency, attemptOf }: AuditLogProps) {
  if (actions.length === 0) {
    return (
      <p className="rounded-lg border border-shop-line bg-white p-4 text-sm text-shop-muted" data-testid="audit-empty">
        No staff actions on this order yet.
      </p>
    );
  }
  return (
    <div
      role="region"
      aria-labelledby="audit-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-shop-line bg-white"
    >
      <table className="stack-table w-full text-sm" data-testid="audit-log">
        <caption id="audit-caption" className="sr-only">
          Staff actions, oldest first
        </caption>
        <thead className="border-b border-shop-line bg-shop-surface text-left text-shop-muted">
          <tr>
            <th scope="col" className={th}>
              When
            </th>
            <th scope="col" className={th}>
              Who
            </th>
            <th scope="col" className={th}>
              What
            </th>
            <th scope="col" className={`${th} text-right`}>
              Amount
            </th>
            <th scope="col" className={th}>
              Note
            </th>
            <th scope="col" className={th}>
              Result
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} className="border-b border-shop-line last:border-b-0">
              <td className={`${td} whitespace-nowrap`} data-label="When">
                {formatDateTime(a.at)}
              </td>
              <td className={`${td} [overflow-wrap:anywhere]`} data-label="Who">
                {a.staffEmail}
              </td>
              <td className={`${td} whitespace-nowrap`} data-label="What">
                <span>
                  {staffActionLabel(a.action)}
                  {attemptOf[a.reference] !== undefined && (
                    <span className="block text-xs text-shop-muted">attempt {attemptOf[a.reference]}</span>
                  )}
                </span>
              </td>
              <td className={`${td} whitespace-nowrap text-right tabular-nums`} data-label="Amount">
                {a.amountOre === null ? '—' : formatOre(a.amountOre, currency)}
              </td>
              <td className={`${td} sm:min-w-40`} data-label="Note">
                {a.note ?? '—'}
              </td>
              <td className={td} data-testid="audit-result" data-label="Result">
                <span>
                  <span className="whitespace-nowrap">{staffResultWords(a.result)}</span>
                  {a.reason && <span className="block text-xs text-shop-muted sm:min-w-48">{a.reason}</span>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
