'use client';

import Link from 'next/link';
import { EmptyCart } from '@/components/cart/CartView';
import { UnknownItemsNotice } from '@/components/cart/UnknownItemsNotice';
import { OrderSummary } from '@/components/ui/OrderSummary';
import type { Product } from '@/lib/catalogue';
import { CartLoading, usePricedCart } from '@/components/cart/usePricedCart';
import { CheckoutForm } from './CheckoutForm';

/** Summary of what will be ordered (priced from the server's catalogue) and the Vipps payment form. */
export function CheckoutView({ catalogue }: { catalogue: readonly Product[] }) {
  const { cart, priced } = usePricedCart(catalogue);
  if (!cart.hydrated) return <CartLoading />;
  if (priced.lines.length === 0) return <EmptyCart />;

  const summaryLines = priced.lines.map(({ product, quantity, totalOre }) => ({
    sku: product.sku,
    name: product.name,
    quantity,
    unitPriceOre: product.priceOre,
    totalOre,
  }));
  // Only lines the catalogue knows go into the order; unknown ones are shown as a notice instead.
  const orderLines = priced.lines.map(({ product, quantity }) => ({ sku: product.sku, quantity }));

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_24rem] lg:items-start">
      <section aria-labelledby="summary-heading" className="rounded-xl border border-shop-line bg-white p-5 shadow-sm">
        <div className="mb-3 flex items-baseline justify-between gap-4">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Your order
          </h2>
          <Link href="/cart" className="text-sm text-shop-muted underline hover:text-shop-ink">
            Change cart
          </Link>
        </div>
        <UnknownItemsNotice skus={priced.unknownSkus} onRemove={() => priced.unknownSkus.forEach(cart.remove)} />
        <OrderSummary
          caption="Products in your order"
          lines={summaryLines}
          totalOre={priced.totalOre}
          vatOre={priced.vatOre}
          currency={priced.currency}
        />
      </section>
      <section aria-labelledby="pay-heading" className="rounded-xl border border-shop-line bg-white p-5 shadow-sm">
        <h2 id="pay-heading" className="mb-4 text-lg font-semibold">
          Pay with Vipps MobilePay
        </h2>
        <CheckoutForm lines={orderLines} />
      </section>
    </div>
  );
}
