'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { isPaymentStarted, postJson, type Problem } from '@/lib/api-client';
import type { PaymentStartedResponse } from '@/lib/shop-api';

export type StartPaymentState =
  | { phase: 'idle' }
  | { phase: 'pending' }
  /** 201 received: the browser is on its way to the Vipps landing page. The button stays locked. */
  | { phase: 'redirecting' }
  | { phase: 'problem'; problem: Problem }
  | { phase: 'network' };

interface StartOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Called with the 201 before leaving the page (e.g. to forget the Idempotency-Key). */
  onStarted?: (started: PaymentStartedResponse) => void;
}

/**
 * POST that starts a Vipps payment (checkout, or "try again") and goes to Vipps' landing page — another
 * origin, hence `window.location.assign`. A ref, not only state, guards against a second press: two clicks
 * in one frame both see the old state, never the ref.
 */
export function useStartPayment() {
  const [state, setState] = useState<StartPaymentState>({ phase: 'idle' });
  const busy = useRef(false);

  useEffect(() => {
    // Back from Vipps via the back/forward cache: the page is restored "redirecting"; let the shopper act again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      busy.current = false;
      setState({ phase: 'idle' });
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  /** Resolves true when the browser is leaving for Vipps, false when the shopper may act again. */
  const start = useCallback(async (url: string, { body, headers, onStarted }: StartOptions = {}): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setState({ phase: 'pending' });
    const result = await postJson<unknown>(url, { body, headers });
    if (result.kind === 'ok' && isPaymentStarted(result.data)) {
      onStarted?.(result.data);
      setState({ phase: 'redirecting' });
      window.location.assign(result.data.redirectUrl);
      return true;
    }
    busy.current = false;
    if (result.kind === 'problem') setState({ phase: 'problem', problem: result.problem });
    else setState({ phase: 'network' }); // includes a 2xx we cannot read: the outcome is unknown, retry is safe
    return false;
  }, []);

  return { state, start, locked: state.phase === 'pending' || state.phase === 'redirecting' };
}
