import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { staffAccounts } from '../db/schema';

/** The account as it is now (not as it was at sign-in), or undefined when it is gone or disabled. */
export async function activeStaffAccount(email: string): Promise<{ email: string; role: string } | undefined> {
  const [account] = await (
    await getDb()
  )
    .select({ email: staffAccounts.email, role: staffAccounts.role })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.email, email.toLowerCase()), isNull(staffAccounts.disabledAt)));
  return account;
}
