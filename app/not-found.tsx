import Link from 'next/link';
import { ShopHeader } from '@/components/shop/ShopHeader';

/** An address nothing answers: rendered in the root layout only, so it brings the shop's header and <main>. */
export default function NotFound() {
  return (
    <>
      <ShopHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <section aria-labelledby="not-found-heading" className="mx-auto max-w-md py-12 text-center">
          <h1 id="not-found-heading" className="mb-2 text-2xl font-bold">
            Page not found
          </h1>
          <p className="mb-6 text-shop-muted">We have nothing at this address. The product may have been removed.</p>
          <Link href="/" className="rounded-md bg-shop-ink px-4 py-2 font-semibold text-white hover:bg-black">
            See all products
          </Link>
        </section>
      </main>
    </>
  );
}
