import 'server-only';
import { redirect } from 'next/navigation';
import { ProblemError } from '../http/problem';
import { getLogger } from '../log';
import { currentStaff, type StaffMember } from './current-staff';
import { roleAllows, type StaffRole } from './roles';

export type { StaffMember } from './current-staff';

export interface StaffCheckHooks {
  /**
   * Called when a signed-in staff member lacks the role, before the 403 is thrown: an attempt our own checks
   * refused belongs in the staff actions audit like any other refusal (the orders module writes it).
   */
  onForbidden?: (staff: StaffMember, refusal: ProblemError) => Promise<void>;
}

/**
 * For admin route handlers: the signed-in staff member, or a 401 / 403 problem. Checked here on the server for
 * every request, whatever proxy.ts did before.
 */
export async function requireStaff(role: StaffRole, hooks: StaffCheckHooks = {}): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) {
    throw new ProblemError({ status: 401, code: 'unauthenticated', title: 'Sign in first', detail: 'Staff only.' });
  }
  if (!roleAllows(staff.role, role)) {
    const refusal = new ProblemError({
      status: 403,
      code: 'forbidden',
      title: 'Not allowed',
      detail: `This needs the ${role} role; you are signed in as ${staff.role}.`,
    });
    // The answer is 403 whatever the audit does: a failed audit write is logged, not turned into a 500 that
    // would tell the caller to try again.
    await hooks.onForbidden?.(staff, refusal).catch((error: unknown) => {
      getLogger().error({ err: error, staff: staff.email }, 'could not audit a refused staff action');
    });
    throw refusal;
  }
  return staff;
}

/** For admin pages: the signed-in staff member, else a redirect to sign-in that comes back to `returnTo`. */
export async function requireStaffPage(returnTo: string): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return staff;
}
