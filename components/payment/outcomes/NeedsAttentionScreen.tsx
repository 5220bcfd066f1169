'use client';

import Link from 'next/link';
import type { PaymentStatusResponse } from '@/lib/shop-api';
import { OrderNumber, OutcomeLayout, secondaryLink } from '../OutcomeLayout';

/**
 * Vipps authorized something that does not add up (e.g. the amount). Not "paid": staff check it by hand.
 * The cart is left alone, since the order may still be corrected or cancelled.
 */
export function NeedsAttentionScreen({ status }: { status: PaymentStatusResponse }) {
  return (
    <OutcomeLayout
      tone="attention"
      title="We received your payment — we are checking it"
      testId="payment-needs-attention"
    >
      <p>
        Something about this payment needs a quick manual check. You do not need to do anything: our staff will look at
        it and contact you. Please keep your order number.
      </p>
      <OrderNumber orderNumber={status.orderNumber} />
      <div>
        <Link href="/" className={secondaryLink}>
          Back to the shop
        </Link>
      </div>
    </OutcomeLayout>
  );
}
