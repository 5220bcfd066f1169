import Link from 'next/link';
import { StaffMenu } from './StaffMenu';

interface StaffHeaderProps {
  /** Who is signed in; without it (the sign-in page) the header shows only the shop's name. */
  staff?: { email: string; role: string };
}

/** The staff pages' header: the admin's sections, who is signed in and the way out; never the shopper's cart. */
export function StaffHeader({ staff }: StaffHeaderProps) {
  return (
    <header className="border-b border-shop-line bg-white">
      <div className="relative mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={staff ? '/admin' : '/'} className="text-lg font-bold tracking-tight">
          Fjell<span className="text-vipps-dark">butikken</span>{' '}
          <span className="text-sm font-semibold text-shop-muted">staff</span>
        </Link>
        {staff && <StaffMenu staff={staff} />}
      </div>
    </header>
  );
}
