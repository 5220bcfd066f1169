'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { MoneyMoveResponse } from '@/lib/admin-api';
import { postJson } from '@/lib/api-client';
import { UNKNOWN_OUTCOME_TEXT } from '@/lib/admin-money';

/** What the panel tells staff once a request has ended. */
export interface MoneyOutcome {
  tone: 'success' | 'refused' | 'unknown' | 'problem';
  title: string;
  detail?: string;
  /** The operation whose outcome is unknown, so the panel can tell when Vipps has since been asked. */
  operationId?: number;
}

/** Turns a 200 answer into words; each caller says what success and refusal mean for its action. */
export type Describe = (response: MoneyMoveResponse) => MoneyOutcome;

export const refusedByVipps = (response: MoneyMoveResponse): MoneyOutcome => ({
  tone: 'refused',
  title: `Vipps refused it: ${response.vippsTitle ?? 'no reason given'}${response.vippsCode ? ` (code ${response.vippsCode})` : ''}.`,
  detail: 'Nothing was changed.',
});

const unknownOutcome = (operationId: number): MoneyOutcome => ({
  tone: 'unknown',
  title: UNKNOWN_OUTCOME_TEXT,
  detail: 'The money it may have moved is held back until Vipps has been asked.',
  operationId,
});

/**
 * One request at a time for the whole panel: a ref blocks a second submit in the same tick (a double click),
 * state drives the busy wording and the disabled buttons. Every ending refreshes the page, so the amounts
 * staff see next are the server's ledger again, never a sum made in the browser.
 */
export function useMoneyRequest() {
  const router = useRouter();
  const [progress, setProgress] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<MoneyOutcome | null>(null);
  const running = useRef(false);
  // The refresh is a transition: until the server has rendered the new figures, the panel stays busy.
  const [refreshing, startRefresh] = useTransition();

  async function run(request: { progress: string; url: string; body?: unknown; describe: Describe }) {
    if (running.current) return;
    running.current = true;
    setOutcome(null);
    setProgress(request.progress);
    const result = await postJson<MoneyMoveResponse>(request.url, { body: request.body ?? {} });
    if (result.kind === 'ok') {
      const { status, operationId } = result.data;
      setOutcome(
        status === 'unknown' || status === 'pending' ? unknownOutcome(operationId) : request.describe(result.data),
      );
    } else if (result.kind === 'problem') {
      setOutcome({ tone: 'problem', title: result.problem.title, detail: result.problem.detail });
    } else {
      // The shop may have received it and be calling Vipps: repeating it could move the money twice.
      setOutcome({
        tone: 'unknown',
        title: 'No answer from the shop — do not repeat it.',
        detail: 'Reload the page: it shows whether it happened, or offers Check with Vipps.',
      });
    }
    setProgress(null);
    running.current = false;
    startRefresh(() => router.refresh());
  }

  return { busy: progress !== null || refreshing, refreshing, progress, outcome, run };
}
