import type { Metadata } from 'next';
import { PaymentNotFound } from '@/components/payment/outcomes/PaymentNotFound';
import { PaymentReturn } from '@/components/payment/PaymentReturn';
import { parsePageSearchParams } from '@/lib/server/http/route-input';
import { returnPageQuery } from '@/lib/server/orders/references';

export const metadata: Metadata = { title: 'Your payment' };

/** Vipps sends the shopper back here (our `returnUrl`). The reference is only a key to ask our server with. */
export default async function ReturnPage({ searchParams }: PageProps<'/return'>) {
  const { reference } = (await parsePageSearchParams(searchParams, returnPageQuery)).query;
  if (!reference) return <PaymentNotFound focusOnMount={false} />;
  // Keyed, so following a link to a newer attempt starts a fresh wait (clock, polling) for that one.
  return <PaymentReturn key={reference} reference={reference} />;
}
