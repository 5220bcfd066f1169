import Image from 'next/image';
import { formatOre } from '@/lib/money';

export interface ProductCardProps {
  sku: string;
  name: string;
  description: string;
  priceOre: number;
  currency: string;
  imagePath: string;
}

export function ProductCard({ sku, name, description, priceOre, currency, imagePath }: ProductCardProps) {
  return (
    <article
      aria-labelledby={`product-${sku}`}
      className="flex flex-col overflow-hidden rounded-xl border border-shop-line bg-white shadow-sm"
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
          {name}
        </h2>
        <p className="flex-1 text-sm text-shop-muted">{description}</p>
        <p className="text-lg font-bold" data-testid={`price-${sku}`}>
          {formatOre(priceOre, currency)}
        </p>
      </div>
    </article>
  );
}
