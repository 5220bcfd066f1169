import type { Metadata } from 'next';
import { SessionsList } from '@/components/admin/SessionsList';
import { requireStaffPage } from '@/lib/server/auth/require-staff';
import { sessionsOf } from '@/lib/server/auth/staff-sessions-admin';

export const metadata: Metadata = { title: 'Your sessions' };
export const dynamic = 'force-dynamic';

/** Where you are signed in: end a session on a lost or shared computer from here. */
export default async function SessionsPage() {
  const staff = await requireStaffPage('/admin/sessions');
  const { sessions } = await sessionsOf(staff);
  return (
    <section aria-labelledby="sessions-heading">
      <h1 id="sessions-heading" className="mb-1 text-2xl font-bold tracking-tight">
        Your sessions
      </h1>
      <p className="mb-4 max-w-3xl text-sm text-shop-muted">
        Every browser where you are signed in, newest first. Ending a session signs that browser out at once; a session
        also ends when you sign out there, or after eight hours without use.
      </p>
      <SessionsList sessions={sessions} />
    </section>
  );
}
