'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { EndSessionResponse } from '@/lib/admin-sessions-api';
import { postJson } from '@/lib/api-client';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string };

/** Ends one of your other sessions: that browser is signed out at its next request. */
export function EndSessionButton({ sessionId, label }: { sessionId: number; label: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef(false);
  const [refreshing, startRefresh] = useTransition();

  async function end() {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'busy' });
    const answer = await postJson<EndSessionResponse>('/api/admin/sessions/end', { body: { sessionId } });
    running.current = false;
    if (answer.kind === 'problem') setState({ kind: 'failed', message: answer.problem.detail ?? answer.problem.title });
    else if (answer.kind !== 'ok') setState({ kind: 'failed', message: 'No answer from the shop. Try again.' });
    else setState({ kind: 'idle' });
    // The list comes from the server again: an ended session leaves it.
    startRefresh(() => router.refresh());
  }

  const busy = state.kind === 'busy' || refreshing;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={end}
        disabled={busy}
        aria-label={`End session: ${label}`}
        aria-describedby={`end-session-status-${sessionId}`}
        className="min-h-11 rounded-md border border-shop-ink bg-white px-3 py-1 text-sm font-semibold hover:bg-shop-surface disabled:cursor-wait disabled:opacity-60"
      >
        {state.kind === 'busy' ? 'Ending…' : 'End session'}
      </button>
      <p id={`end-session-status-${sessionId}`} role="status" className="text-sm" data-testid="end-session-status">
        {state.kind === 'failed' && `Could not end it: ${state.message}`}
      </p>
    </div>
  );
}
