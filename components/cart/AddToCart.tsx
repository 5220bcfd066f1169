'use client';

import Link from 'next/link';
import { useState } from 'react';
import { QuantityStepper } from '@/components/ui/QuantityStepper';
import { useCart } from './useCart';

/** Quantity + "Add to cart" on a product page, with a spoken confirmation and a way on to the cart. */
export function AddToCart({ sku, name }: { sku: string; name: string }) {
  const { add, hydrated } = useCart();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <QuantityStepper
          id={`quantity-${sku}`}
          label={`Quantity of ${name}`}
          value={quantity}
          min={1}
          onChange={setQuantity}
          testId="add-quantity"
        />
        <button
          type="button"
          data-testid="add-to-cart"
          disabled={!hydrated}
          onClick={() => {
            add(sku, quantity);
            setAdded(`Added ${quantity} × ${name} to your cart.`);
          }}
          className="rounded-md bg-shop-ink px-5 py-2.5 font-semibold text-white hover:bg-black disabled:opacity-60"
        >
          Add to cart
        </button>
      </div>
      <p role="status" data-testid="add-to-cart-status" className="min-h-6 text-sm text-shop-accent">
        {added && (
          <>
            {added}{' '}
            <Link href="/cart" className="font-semibold underline">
              View cart
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
