import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductDetail } from '@/components/shop/ProductDetail';
import { productPageParams } from '@/lib/shop-api';
import { getProduct } from '@/lib/server/catalogue';
import { parsePageParams } from '@/lib/server/http/route-input';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/products/[sku]'>): Promise<Metadata> {
  const { sku } = await parsePageParams(params, productPageParams);
  const product = await getProduct(sku);
  return { title: product?.name ?? 'Product not found' };
}

export default async function ProductPage({ params }: PageProps<'/products/[sku]'>) {
  const { sku } = await parsePageParams(params, productPageParams);
  const product = await getProduct(sku);
  if (!product) notFound();
  return <ProductDetail product={product} />;
}
