import { ShopHeader } from '@/components/shop/ShopHeader';

/** The shopper's pages: the shop header with the cart. The staff pages (app/admin, app/login) have their own. */
export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <ShopHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
