import type { Metadata } from 'next';
import { CartView } from '@/components/cart/CartView';
import { getCatalogue } from '@/lib/server/catalogue';

export const metadata: Metadata = { title: 'Cart' };
export const dynamic = 'force-dynamic';

export default async function CartPage() {
  // The whole catalogue is small (tens of products); the browser picks its lines from it and prices them.
  const catalogue = await getCatalogue();
  return (
    <section aria-labelledby="cart-heading">
      <h1 id="cart-heading" className="mb-6 text-2xl font-bold tracking-tight sm:text-3xl">
        Your cart
      </h1>
      <CartView catalogue={catalogue} />
    </section>
  );
}
