'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { OrderSummary } from '@/components/ui/OrderSummary';
import { browserCartStore } from '@/lib/cart/store';
import { forgetIdempotencyKey } from '@/lib/checkout/idempotency';
import type { PaymentStatusResponse } from '@/lib/shop-api';
import { OrderNumber, OutcomeLayout, secondaryLink } from '../OutcomeLayout';
import { SharedDelivery, thanksTitle } from '../SharedDelivery';

/** Vipps says AUTHORIZED and the amount matches: the order is confirmed, so (only now) the cart is emptied. */
export function PaidScreen({ status }: { status: PaymentStatusResponse }) {
  useEffect(() => {
    browserCartStore().clear();
    forgetIdempotencyKey(window.sessionStorage);
  }, []);
  const { order } = status;
  return (
    <OutcomeLayout tone="success" title={thanksTitle(status.shopper)} testId="payment-paid">
      <p>Vipps has approved your payment. The amount is reserved in Vipps and charged when we send your order.</p>
      <OrderNumber orderNumber={status.orderNumber} />
      <SharedDelivery shopper={status.shopper} />
      <OrderSummary
        caption={`Products in order ${status.orderNumber}`}
        lines={order.lines}
        totalOre={order.totalOre}
        vatOre={order.vatOre}
        currency={order.currency}
      />
      <div>
        <Link href="/" className={secondaryLink}>
          Continue shopping
        </Link>
      </div>
    </OutcomeLayout>
  );
}
