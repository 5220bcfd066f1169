import type { Metadata } from 'next';
import { DashboardTiles } from '@/components/admin/DashboardTiles';
import { TakingsChart } from '@/components/admin/TakingsChart';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { currentDashboard } from '@/lib/server/reports/figures';

export const metadata: Metadata = { title: 'Admin — dashboard' };
export const dynamic = 'force-dynamic';

/** The admin home: what came in, what is still reserved, and what needs someone to look. */
export default async function AdminDashboardPage() {
  await requireStaffPage('/admin');
  const figures = await currentDashboard();
  return (
    <section aria-labelledby="admin-heading" className="flex flex-col gap-6">
      <h1 id="admin-heading" className="text-2xl font-bold">
        Dashboard
      </h1>
      <DashboardTiles figures={figures} />
      <div className="rounded-lg border border-shop-line bg-white p-4">
        <TakingsChart days={figures.daily} currency={figures.currency} />
      </div>
    </section>
  );
}
