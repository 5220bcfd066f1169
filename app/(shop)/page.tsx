import { ProductCard } from '@/components/shop/ProductCard';
import { getCatalogue } from '@/lib/server/catalogue';

// The catalogue lives in the database, so render on each request rather than at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const products = await getCatalogue();
  return (
    <section aria-labelledby="catalogue-heading">
      <h1 id="catalogue-heading" className="mb-2 text-2xl font-bold tracking-tight sm:text-3xl">
        Gear for the Norwegian outdoors
      </h1>
      <p className="mb-6 max-w-prose text-shop-muted">
        Put what you need in the cart and pay with Vipps MobilePay, approved in a simulated Vipps app. No real money
        moves.
      </p>
      {products.length === 0 ? (
        <p role="status">The catalogue is empty.</p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {products.map((p) => (
            <li key={p.sku} className="flex">
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
