import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductDetail } from '@/components/shop/ProductDetail';
import { getProduct } from '@/lib/server/catalogue';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/products/[sku]'>): Promise<Metadata> {
  const product = await getProduct((await params).sku);
  return { title: product?.name ?? 'Product not found' };
}

export default async function ProductPage({ params }: PageProps<'/products/[sku]'>) {
  const product = await getProduct((await params).sku);
  if (!product) notFound();
  return <ProductDetail product={product} />;
}
