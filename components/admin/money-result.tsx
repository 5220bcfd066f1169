'use client';

import { useEffect, useRef } from 'react';
import type { MoneyOutcome } from './money-request';

const TONES: Record<MoneyOutcome['tone'], string> = {
  success: 'border-green-700 bg-green-50 text-green-900',
  refused: 'border-red-700 bg-red-50 text-red-900',
  problem: 'border-red-700 bg-red-50 text-red-900',
  unknown: 'border-amber-600 bg-amber-50 text-amber-950',
};

/**
 * Progress while a request runs and its result afterwards, in one live region. Focus moves to the result so
 * keyboard and screen-reader users land on what happened, not on a button that may have disappeared.
 */
export function MoneyResult({
  progress,
  outcome,
  settledSince,
  refreshing,
}: {
  progress: string | null;
  outcome: MoneyOutcome | null;
  /** An unknown outcome that Vipps has since answered (the reconciler, or another staff member, asked). */
  settledSince: boolean;
  /** The page is being rendered again on the server: the figures above are about to change. */
  refreshing: boolean;
}) {
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);
  return (
    <div aria-live="polite" className="empty:hidden">
      {progress && (
        <p role="status" data-testid="money-progress" className="flex items-center gap-2 text-sm">
          <span
            aria-hidden
            className="h-3 w-3 animate-spin rounded-full border-2 border-shop-muted border-t-transparent"
          />
          {progress} Keep this page open.
        </p>
      )}
      {outcome && (
        <div
          ref={resultRef}
          tabIndex={-1}
          data-testid="money-result"
          data-tone={outcome.tone}
          className={`rounded-md border-l-4 p-3 text-sm outline-offset-2 ${TONES[outcome.tone]}`}
        >
          <p className="font-semibold">{outcome.title}</p>
          {settledSince ? (
            <p>Vipps has since been asked about it: the amounts above show what happened.</p>
          ) : (
            outcome.detail && <p>{outcome.detail}</p>
          )}
          {refreshing && <p className="mt-1 italic">Updating the amounts…</p>}
        </div>
      )}
    </div>
  );
}
