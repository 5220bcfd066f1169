import Image from 'next/image';
import Link from 'next/link';
import type { Product } from '@/lib/catalogue';
import { formatOre } from '@/lib/money';

export function ProductCard({ product }: { product: Product }) {
  const { sku, name, description, priceOre, currency, imagePath } = product;
  return (
    <article
      aria-labelledby={`product-${sku}`}
      className="relative flex flex-col overflow-hidden rounded-xl border border-shop-line bg-white shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md"
    >
      <Image
        src={imagePath}
        alt=""
        width={400}
        height={300}
        className="aspect-[4/3] w-full bg-vipps-light object-cover"
      />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 id={`product-${sku}`} className="text-base font-semibold">
          {/* The whole card is the link's click target (after:inset-0); the name stays its accessible name. */}
          <Link href={`/products/${sku}`} className="after:absolute after:inset-0 hover:underline">
            {name}
          </Link>
        </h2>
        <p className="flex-1 text-sm text-shop-muted">{description}</p>
        <p className="text-lg font-bold" data-testid={`price-${sku}`}>
          {formatOre(priceOre, currency)}
        </p>
      </div>
    </article>
  );
}
