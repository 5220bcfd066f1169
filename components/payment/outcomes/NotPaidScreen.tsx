'use client';

import Link from 'next/link';
import type { PaymentStatusResponse } from '@/lib/shop-api';
import { OrderNumber, OutcomeLayout, secondaryLink } from '../OutcomeLayout';
import { RetryPayment } from '../RetryPayment';

type NotPaidOutcome = 'cancelled' | 'expired' | 'terminated';

const COPY: Record<NotPaidOutcome, { title: string; body: string; testId: string }> = {
  cancelled: {
    title: 'You cancelled the payment',
    body: 'The payment was stopped in Vipps, and nothing was charged. Your cart is still here.',
    testId: 'payment-cancelled',
  },
  expired: {
    title: 'The payment timed out',
    body: 'Vipps did not get an answer in time, so the payment expired and nothing was charged. Your cart is still here.',
    testId: 'payment-expired',
  },
  terminated: {
    title: 'This payment was stopped',
    body: 'The shop cancelled this payment before it was approved, and nothing was charged. Your cart is still here.',
    testId: 'payment-terminated',
  },
};

/** Every ending without money: say so plainly, keep the cart, offer the way forward. */
export function NotPaidScreen({
  outcome,
  status,
  onRefresh,
}: {
  outcome: NotPaidOutcome;
  status: PaymentStatusResponse;
  onRefresh: () => void;
}) {
  const { title, body, testId } = COPY[outcome];
  return (
    <OutcomeLayout tone="neutral" title={title} testId={testId}>
      <p>{body}</p>
      <OrderNumber orderNumber={status.orderNumber} />
      <RetryPayment status={status} onRefused={onRefresh} />
      <div className="flex flex-wrap gap-3">
        <Link href="/cart" className={secondaryLink}>
          Back to cart
        </Link>
        <Link href="/" className={secondaryLink}>
          Continue shopping
        </Link>
      </div>
    </OutcomeLayout>
  );
}
