'use client';

import type { MoneyPanelProps } from '@/lib/admin-api';
import { UNKNOWN_OUTCOME_TEXT } from '@/lib/admin-money';
import { formatOre } from '@/lib/money';

type Unknown = MoneyPanelProps['unknownOperations'][number];

const when = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(
    new Date(iso),
  );

/** Each operation whose outcome is unknown, with the one safe action: ask Vipps what happened. */
export function MoneyUnknown(props: {
  operations: Unknown[];
  currency: string;
  canMoveMoney: boolean;
  busy: boolean;
  onCheck: (operation: Unknown) => Promise<void>;
}) {
  if (props.operations.length === 0) return null;
  return (
    <section aria-label="Outcome unknown" className="rounded-md border border-amber-600 bg-amber-50 p-3">
      <ul className="flex flex-col gap-3">
        {props.operations.map((operation) => (
          <li
            key={operation.id}
            data-testid={`money-unknown-${operation.id}`}
            className="flex flex-wrap items-center justify-between gap-2"
          >
            <p className="text-sm">
              <span className="font-semibold">
                {operation.kind[0]!.toUpperCase() + operation.kind.slice(1)} of{' '}
                {formatOre(operation.amountOre, props.currency)} ({when(operation.createdAt)}):
              </span>{' '}
              {props.canMoveMoney ? UNKNOWN_OUTCOME_TEXT : 'Outcome unknown; an operator can check it with Vipps.'}
            </p>
            {props.canMoveMoney && (
              <button
                type="button"
                disabled={props.busy}
                onClick={() => void props.onCheck(operation)}
                className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
              >
                Check with Vipps
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
