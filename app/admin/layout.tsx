import { StaffHeader } from '@/components/admin/StaffHeader';
import { currentStaff } from '@/lib/server/auth/current-staff';

/**
 * The staff pages: the staff header (sections, who is signed in, sign out) instead of the shop's cart. Each page
 * still checks the role itself (requireStaffPage): this layout only shows who is signed in.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      <StaffHeader staff={staff && { email: staff.email, role: staff.role }} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
