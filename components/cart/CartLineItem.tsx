'use client';

import Image from 'next/image';
import Link from 'next/link';
import { QuantityStepper } from '@/components/ui/QuantityStepper';
import type { PricedCartLine } from '@/lib/cart/cart';
import { formatOre } from '@/lib/money';

interface CartLineItemProps {
  line: PricedCartLine;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

export function CartLineItem({ line, onQuantity, onRemove }: CartLineItemProps) {
  const { product, quantity, totalOre } = line;
  return (
    <li
      data-testid={`cart-line-${product.sku}`}
      className="grid grid-cols-[4.5rem_1fr] gap-x-4 gap-y-3 border-b border-shop-line py-4 sm:grid-cols-[6rem_1fr_auto_7rem] sm:items-center"
    >
      <Image
        src={product.imagePath}
        alt=""
        width={96}
        height={72}
        className="row-span-2 aspect-[4/3] w-full rounded-md bg-vipps-light object-cover sm:row-span-1"
      />
      <div>
        <Link href={`/products/${product.sku}`} className="font-semibold hover:underline">
          {product.name}
        </Link>
        <p className="text-sm text-shop-muted">
          {formatOre(product.priceOre, product.currency)} each · {product.vatPercent} % VAT
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <QuantityStepper
          id={`cart-quantity-${product.sku}`}
          label={`Quantity of ${product.name}`}
          value={quantity}
          min={1}
          onChange={onQuantity}
          testId={`cart-quantity-${product.sku}`}
        />
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${product.name} from cart`}
          className="text-sm text-shop-muted underline hover:text-shop-ink"
        >
          Remove
        </button>
      </div>
      <p
        className="col-start-2 text-right font-semibold tabular-nums sm:col-start-auto"
        data-testid={`cart-line-total-${product.sku}`}
      >
        {formatOre(totalOre, product.currency)}
      </p>
    </li>
  );
}
