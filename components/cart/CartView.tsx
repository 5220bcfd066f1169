'use client';

import Link from 'next/link';
import type { Product } from '@/lib/catalogue';
import { CartLoading, usePricedCart } from './usePricedCart';
import { CartLineItem } from './CartLineItem';
import { CartTotals } from './CartTotals';
import { UnknownItemsNotice } from './UnknownItemsNotice';

/** The /cart page body: lines priced from the catalogue the server passed down, never from storage. */
export function CartView({ catalogue }: { catalogue: readonly Product[] }) {
  const { cart, priced } = usePricedCart(catalogue);
  if (!cart.hydrated) return <CartLoading />;
  return (
    <>
      <UnknownItemsNotice skus={priced.unknownSkus} onRemove={() => priced.unknownSkus.forEach(cart.remove)} />
      {priced.lines.length === 0 ? (
        <EmptyCart />
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_20rem] lg:items-start">
          <ul aria-label="Products in your cart" className="border-t border-shop-line">
            {priced.lines.map((line) => (
              <CartLineItem
                key={line.product.sku}
                line={line}
                onQuantity={(n) => cart.setQuantity(line.product.sku, n)}
                onRemove={() => cart.remove(line.product.sku)}
              />
            ))}
          </ul>
          <aside aria-label="Cart total" className="rounded-xl border border-shop-line bg-white p-5 shadow-sm">
            <CartTotals totalOre={priced.totalOre} vatOre={priced.vatOre} currency={priced.currency} />
            <Link
              href="/checkout"
              data-testid="go-to-checkout"
              className="mt-5 block rounded-md bg-shop-ink px-4 py-2.5 text-center font-semibold text-white hover:bg-black"
            >
              Go to checkout
            </Link>
            <p className="mt-3 text-xs text-shop-muted">Prices include VAT. You pay with Vipps MobilePay.</p>
          </aside>
        </div>
      )}
    </>
  );
}

export function EmptyCart() {
  return (
    <div data-testid="cart-empty" className="rounded-xl border border-dashed border-shop-line bg-white p-8 text-center">
      <p className="mb-4 text-shop-muted">Your cart is empty.</p>
      <Link href="/" className="rounded-md bg-shop-ink px-4 py-2 font-semibold text-white hover:bg-black">
        Browse products
      </Link>
    </div>
  );
}
