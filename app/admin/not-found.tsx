import Link from 'next/link';

/** A staff address with nothing behind it (an unknown order number): inside the staff layout, so no cart. */
export default function AdminNotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-md py-12 text-center">
      <h1 id="not-found-heading" className="mb-2 text-2xl font-bold">
        Page not found
      </h1>
      <p className="mb-6 text-shop-muted">There is no such order or page. Search the orders list instead.</p>
      <Link href="/admin/orders" className="rounded-md bg-shop-ink px-4 py-2 font-semibold text-white hover:bg-black">
        All orders
      </Link>
    </section>
  );
}
