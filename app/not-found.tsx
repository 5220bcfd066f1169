import Link from 'next/link';

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-md py-12 text-center">
      <h1 id="not-found-heading" className="mb-2 text-2xl font-bold">
        Page not found
      </h1>
      <p className="mb-6 text-shop-muted">We have nothing at this address. The product may have been removed.</p>
      <Link href="/" className="rounded-md bg-shop-ink px-4 py-2 font-semibold text-white hover:bg-black">
        See all products
      </Link>
    </section>
  );
}
