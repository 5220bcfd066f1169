import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { ProblemError } from '../http/problem';
import { getAuthOptions } from './options';
import { activeStaffAccount } from './staff-lookup';
import { isStaffRole, roleAllows, type StaffRole } from './roles';

export interface StaffMember {
  email: string;
  role: StaffRole;
}

async function currentStaff(): Promise<StaffMember | undefined> {
  const session = await getServerSession(getAuthOptions());
  const email = session?.user?.email;
  if (!email) return undefined;
  // The account as it is now, not as it was at sign-in: removing or demoting someone takes effect at once.
  const account = await activeStaffAccount(email);
  if (!account || !isStaffRole(account.role)) return undefined;
  return { email: account.email, role: account.role };
}

/**
 * For admin route handlers: the signed-in staff member, or a 401 / 403 problem. Checked here on the server for
 * every request, whatever proxy.ts did before.
 */
export async function requireStaff(role: StaffRole): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) {
    throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Sign in first', detail: 'Staff only.' });
  }
  if (!roleAllows(staff.role, role)) {
    throw new ProblemError({
      status: 403,
      code: 'forbidden',
      title: 'Not allowed',
      detail: `This needs the ${role} role; you are signed in as ${staff.role}.`,
    });
  }
  return staff;
}

/** For admin pages: the signed-in staff member, else a redirect to sign-in that comes back to `returnTo`. */
export async function requireStaffPage(returnTo: string): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return staff;
}
