'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { ReprocessResponse } from '@/lib/admin-observability-api';
import { postJson } from '@/lib/api-client';
import { webhookResultWords } from '@/lib/admin-outcomes';

type State =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: string } | { kind: 'failed'; message: string };

/**
 * "Process again" for one accepted delivery (operators only; the page leaves it out for viewers). The server
 * reads the payment from Vipps again, so a repeat is harmless; the ref still stops a double click sending two.
 */
export function ReprocessButton({ deliveryId }: { deliveryId: number }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef(false);
  const [refreshing, startRefresh] = useTransition();

  async function reprocess() {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'busy' });
    const answer = await postJson<ReprocessResponse>(`/api/admin/webhooks/${deliveryId}/reprocess`, { body: {} });
    if (answer.kind === 'ok') setState({ kind: 'done', result: answer.data.delivery.result ?? 'pending' });
    else if (answer.kind === 'problem')
      setState({ kind: 'failed', message: answer.problem.detail ?? answer.problem.title });
    else setState({ kind: 'failed', message: 'No answer from the shop. Reload the page to see the result.' });
    running.current = false;
    // The row's "result" and "processed" come from the server again, not from this answer.
    startRefresh(() => router.refresh());
  }

  const busy = state.kind === 'busy' || refreshing;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={reprocess}
        disabled={busy}
        aria-describedby={`reprocess-status-${deliveryId}`}
        className="rounded-md border border-shop-ink bg-white px-3 py-1 text-xs font-semibold hover:bg-shop-surface disabled:cursor-wait disabled:opacity-60"
      >
        {state.kind === 'busy' ? 'Processing…' : 'Process again'}
      </button>
      <p id={`reprocess-status-${deliveryId}`} role="status" className="text-xs" data-testid="reprocess-status">
        {state.kind === 'done' && `Processed again: ${webhookResultWords(state.result)}.`}
        {state.kind === 'failed' && `Could not process it again: ${state.message}`}
      </p>
    </div>
  );
}
