'use client';

import { useCallback, useEffect, useRef } from 'react';
import useSWR from 'swr';
import { getJson, isApiProblemError } from '@/lib/api-client';
import { POLL_INTERVAL_MS, SLOW_POLL_INTERVAL_MS, pollInterval } from '@/lib/payment/polling';
import type { PaymentStatusResponse } from '@/lib/shop-api';

export const paymentStatusUrl = (reference: string) => `/api/payments/${encodeURIComponent(reference)}`;

export const isNotFound = (error: unknown) => isApiProblemError(error) && error.problem.status === 404;

/**
 * Polls `GET /api/payments/{reference}` until the answer is final: every 1 s, every 10 s after the bound,
 * never giving up. A failed poll (network, 5xx) is retried on the same rhythm — SWR's default backoff would
 * wait minutes — except a 404, which is an answer: no such payment.
 */
export function usePaymentStatus(reference: string, elapsedMs: number) {
  // SWR restarts its timer whenever `refreshInterval` changes identity; a new function on every clock tick
  // (once a second) would restart the poll timer forever and no poll would ever fire. So: one stable function
  // that reads the latest elapsed time from a ref.
  const elapsed = useRef(elapsedMs);
  useEffect(() => {
    elapsed.current = elapsedMs;
  }, [elapsedMs]);
  const refreshInterval = useCallback(
    (latest: PaymentStatusResponse | undefined) => pollInterval(latest, elapsed.current),
    [],
  );
  return useSWR<PaymentStatusResponse, Error>(paymentStatusUrl(reference), getJson<PaymentStatusResponse>, {
    refreshInterval,
    revalidateOnFocus: true,
    dedupingInterval: 1_000,
    shouldRetryOnError: true,
    onErrorRetry: (error, _key, _config, revalidate, { retryCount }) => {
      if (isNotFound(error)) return;
      setTimeout(() => void revalidate({ retryCount }), Math.min(SLOW_POLL_INTERVAL_MS, POLL_INTERVAL_MS * retryCount));
    },
  });
}
