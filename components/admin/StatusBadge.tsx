import type { AdminStatusFilter } from '@/lib/admin-api';
import { statusWords, type CapturedFigures } from '@/lib/admin-status';

// Colour only supports the words (WCAG 1.4.1): every badge says its status in text, with 4.5:1 contrast.
const TONES: Partial<Record<AdminStatusFilter, string>> = {
  reserved: 'bg-amber-100 text-amber-900',
  partly_captured: 'bg-sky-100 text-sky-900',
  captured: 'bg-emerald-100 text-emerald-900',
  partly_refunded: 'bg-violet-100 text-violet-900',
  refunded: 'bg-violet-100 text-violet-900',
  needs_attention: 'bg-red-100 text-red-900',
  outcome_unknown: 'bg-red-100 text-red-900',
};

export function statusLabel(status: string): string {
  return statusWords(status);
}

/** `figures` (authorized and captured) let a captured order say that its rest was released. */
export function StatusBadge({ status, figures }: { status: string; figures?: CapturedFigures }) {
  const tone = TONES[status as AdminStatusFilter] ?? 'bg-gray-100 text-gray-800';
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}
      data-testid="status-badge"
    >
      {statusWords(status, figures)}
    </span>
  );
}
