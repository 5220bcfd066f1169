// The demo staff logins for the vitest trees, read from their one home (lib/server/env/demo-staff.ts), so a
// test never retypes a password that the app seeds and the secrets scan looks for.
import { DEMO_STAFF } from '@/lib/server/env/demo-staff';
import type { StaffRole } from '@/lib/server/auth/roles';

export function demoStaff(role: StaffRole): { email: string; password: string } {
  const account = DEMO_STAFF.find((staff) => staff.role === role);
  if (!account) throw new Error(`no demo staff account has the role ${role}`);
  return { email: account.email, password: account.password };
}
