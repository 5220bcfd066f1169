'use client';

import Link from 'next/link';
import { formatElapsed, waitingStage } from '@/lib/payment/polling';
import { OrderNumber, OutcomeLayout } from './OutcomeLayout';

const STAGE_TEXT = {
  checking: 'Checking your payment with Vipps…',
  hint: 'Still waiting for Vipps…',
  still_checking: 'We are still checking with Vipps. This page will update by itself.',
} as const;

interface PaymentWaitingProps {
  elapsedMs: number;
  orderNumber?: string;
  /** The last poll failed (network, server error): we keep trying, and say so. */
  connectionTrouble: boolean;
  onCheckNow: () => void;
}

/** The screen until Vipps gives a final answer: what is happening, for how long, and what the shopper can do. */
export function PaymentWaiting({ elapsedMs, orderNumber, connectionTrouble, onCheckNow }: PaymentWaitingProps) {
  const stage = waitingStage(elapsedMs);
  return (
    <OutcomeLayout tone="waiting" title="Waiting for Vipps" testId="payment-waiting" focusOnMount={false}>
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="h-5 w-5 shrink-0 animate-spin rounded-full border-[3px] border-vipps/30 border-t-vipps-dark"
        />
        {/* Only the stage text is live: it changes at most three times, unlike the clock next to it. */}
        <p role="status" data-testid="payment-progress" className="font-medium">
          {STAGE_TEXT[stage]}
        </p>
      </div>
      <p className="text-sm text-shop-muted">
        Time waited:{' '}
        <span data-testid="payment-elapsed" className="tabular-nums">
          {formatElapsed(elapsedMs)}
        </span>
      </p>
      {orderNumber && <OrderNumber orderNumber={orderNumber} />}
      {stage !== 'checking' && (
        <p data-testid="payment-hint" className="rounded-md bg-sky-50 px-4 py-3 text-sm text-sky-900">
          Is the payment still open in the Vipps app? Approve or cancel it there. If you closed Vipps without choosing,
          the payment expires by itself after a few minutes and nothing is charged.
        </p>
      )}
      {stage === 'still_checking' && (
        <div data-testid="payment-still-checking" className="flex flex-col gap-3 text-sm">
          <p>
            You can leave this page open — it keeps checking — or come back later. Your order is safe: we finish it as
            soon as Vipps answers, and nothing is charged unless you approved it.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={onCheckNow} className="font-semibold text-vipps-dark underline">
              Check again now
            </button>
            <Link href="/" className="font-semibold text-vipps-dark underline">
              Back to the shop
            </Link>
          </div>
        </div>
      )}
      {connectionTrouble && (
        <p data-testid="payment-connection-trouble" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          We are having trouble reaching the shop. We keep trying — no need to reload.
        </p>
      )}
    </OutcomeLayout>
  );
}
