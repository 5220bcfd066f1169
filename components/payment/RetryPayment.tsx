'use client';

import Link from 'next/link';
import { PayWithVippsButton } from '@/components/checkout/PayWithVippsButton';
import { useStartPayment } from '@/components/checkout/useStartPayment';
import type { PaymentStatusResponse } from '@/lib/shop-api';

interface RetryPaymentProps {
  status: PaymentStatusResponse;
  /** Re-read the status after a refused retry: it may now name a newer attempt. */
  onRefused: () => void;
}

/**
 * "Try again" for a cancelled or expired attempt: `POST /api/payments/{reference}/retry` (no body) makes a
 * new Vipps payment for the same order, then we go to its landing page. Offered only when the server says
 * `canRetry`; when a newer attempt exists, we link to it instead.
 */
export function RetryPayment({ status, onRefused }: RetryPaymentProps) {
  const { state, start } = useStartPayment();

  if (status.newerReference) {
    return (
      <p className="text-sm">
        You already tried again.{' '}
        <Link
          href={`/return?reference=${encodeURIComponent(status.newerReference)}`}
          data-testid="newer-attempt-link"
          className="font-semibold text-vipps-dark underline"
        >
          See the newer payment attempt
        </Link>
      </p>
    );
  }
  if (!status.canRetry) return null;

  const retry = () =>
    void start(`/api/payments/${encodeURIComponent(status.reference)}/retry`).then((started) => {
      if (!started) onRefused();
    });

  return (
    <div className="flex flex-col gap-3">
      <div className="sm:max-w-xs">
        <PayWithVippsButton
          phase={state.phase}
          type="button"
          label="Try again with Vipps"
          onClick={retry}
          testId="retry-payment"
        />
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {state.phase === 'pending'
          ? 'Starting a new Vipps payment…'
          : state.phase === 'redirecting'
            ? 'Opening Vipps…'
            : ''}
      </p>
      {(state.phase === 'problem' || state.phase === 'network') && (
        <p role="alert" data-testid="retry-error" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.phase === 'network'
            ? 'We could not reach the shop. Check your connection and try again.'
            : [state.problem.title, state.problem.detail].filter(Boolean).join(': ')}
        </p>
      )}
    </div>
  );
}
