import 'server-only';
import { redirect } from 'next/navigation';
import { ProblemError } from '../http/problem';
import { currentStaff, type StaffMember } from './current-staff';
import { roleAllows, type StaffRole } from './roles';

export type { StaffMember } from './current-staff';

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
