import type { Metadata } from 'next';
import { CheckoutView } from '@/components/checkout/CheckoutView';
import { getCatalogue } from '@/lib/server/catalogue';

export const metadata: Metadata = { title: 'Checkout' };
export const dynamic = 'force-dynamic';

export default async function CheckoutPage() {
  const catalogue = await getCatalogue();
  return (
    <section aria-labelledby="checkout-heading">
      <h1 id="checkout-heading" className="mb-6 text-2xl font-bold tracking-tight sm:text-3xl">
        Checkout
      </h1>
      <CheckoutView catalogue={catalogue} />
    </section>
  );
}
