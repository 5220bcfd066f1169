'use client';

import Link from 'next/link';
import { OutcomeLayout, secondaryLink } from '../OutcomeLayout';

/** No payment with this reference (unknown to the server, or not even shaped like one of ours). */
export function PaymentNotFound({ focusOnMount = true }: { focusOnMount?: boolean }) {
  return (
    <OutcomeLayout
      tone="neutral"
      title="We cannot find this payment"
      testId="payment-not-found"
      focusOnMount={focusOnMount}
    >
      <p>
        The link may be incomplete or out of date. If you were paying, nothing is charged until Vipps approves the
        payment — your cart is still here.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/cart" className={secondaryLink}>
          Go to cart
        </Link>
        <Link href="/" className={secondaryLink}>
          Back to the shop
        </Link>
      </div>
    </OutcomeLayout>
  );
}
