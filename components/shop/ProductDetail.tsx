import Image from 'next/image';
import Link from 'next/link';
import { AddToCart } from '@/components/cart/AddToCart';
import type { Product } from '@/lib/catalogue';
import { formatOre, vatIncluded } from '@/lib/money';

export function ProductDetail({ product }: { product: Product }) {
  const { sku, name, description, priceOre, currency, vatPercent, imagePath } = product;
  return (
    <article aria-labelledby="product-heading" className="grid gap-8 md:grid-cols-2">
      <Image
        src={imagePath}
        alt=""
        width={400}
        height={300}
        priority
        className="aspect-[4/3] w-full rounded-xl border border-shop-line bg-vipps-light object-cover"
      />
      <div className="flex flex-col gap-4">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/" className="text-shop-muted underline hover:text-shop-ink">
            All products
          </Link>
        </nav>
        <h1 id="product-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
          {name}
        </h1>
        <p className="max-w-prose text-shop-muted">{description}</p>
        <div>
          <p className="text-2xl font-bold" data-testid="product-price">
            {formatOre(priceOre, currency)}
          </p>
          <p className="text-sm text-shop-muted" data-testid="product-vat">
            {vatPercent === 0
              ? 'No VAT (0 %)'
              : `Including ${vatPercent} % VAT (${formatOre(vatIncluded(priceOre, vatPercent), currency)})`}
          </p>
        </div>
        <AddToCart sku={sku} name={name} />
      </div>
    </article>
  );
}
