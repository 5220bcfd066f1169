import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/admin/SignOutButton';
import { getAuthOptions } from '@/lib/server/auth/options';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const session = await getServerSession(getAuthOptions());
  if (!session) redirect('/login?callbackUrl=%2Fadmin');
  return (
    <section aria-labelledby="admin-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="admin-heading" className="text-2xl font-bold">
          Admin
        </h1>
        <div className="flex items-center gap-3 text-sm text-shop-muted">
          <span>Signed in as {session.user?.email}</span>
          <SignOutButton />
        </div>
      </div>
      <p className="max-w-prose rounded-lg border border-shop-line bg-white p-4 text-shop-muted">
        No orders yet. The orders list with capture, refund and cancel arrives with the checkout and orders work.
      </p>
    </section>
  );
}
