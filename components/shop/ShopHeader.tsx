import { cookies } from 'next/headers';
import Link from 'next/link';
import { CartBadge } from '@/components/cart/CartBadge';
import { CART_COUNT_COOKIE, parseCartCount } from '@/lib/cart/count-cookie';

/** The shopper's header: the shop's name and the cart. Staff pages have their own (components/admin/StaffHeader). */
export async function ShopHeader() {
  const serverCount = parseCartCount((await cookies()).get(CART_COUNT_COOKIE)?.value);
  return (
    <header className="border-b border-shop-line bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight">
          Fjell<span className="text-vipps-dark">butikken</span>
        </Link>
        <div className="flex items-center gap-4">
          <p className="hidden text-sm text-shop-muted sm:block">Demo shop · pay with Vipps MobilePay</p>
          <CartBadge serverCount={serverCount} />
        </div>
      </div>
    </header>
  );
}
