import { eq, inArray, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import { storableText } from '@/lib/storable-text';
import type { Db } from '../db/core';
import { staffAccounts } from '../db/schema';
import { DEMO_STAFF } from '../env/demo-staff';
import { MIN_PASSWORD_LENGTH, UNUSABLE_HASH, hashPassword, verifyPassword } from './password';
import { STAFF_ROLES, isStaffRole, type StaffRole } from './roles';

export interface StaffIdentity {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

export const newStaffSchema = z.object({
  email: z
    .email()
    .max(200)
    .transform((email) => email.toLowerCase()),
  name: storableText().trim().min(1).max(100),
  role: z.enum(STAFF_ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type NewStaff = z.input<typeof newStaffSchema>;

/** The account for a sign-in, or null. An unknown e-mail still costs one scrypt, so timing tells nothing. */
export async function authenticateStaff(db: Db, email: string, password: string): Promise<StaffIdentity | null> {
  const [account] = await db
    .select()
    .from(staffAccounts)
    .where(and(eq(staffAccounts.email, email.toLowerCase()), isNull(staffAccounts.disabledAt)));
  const ok = await verifyPassword(password, account?.passwordHash ?? UNUSABLE_HASH);
  if (!ok || !account || !isStaffRole(account.role)) return null;
  return { id: account.id, email: account.email, name: account.name, role: account.role };
}

/** Creates an account; an existing e-mail is an error unless `replace` (new password and role). */
export async function addStaff(db: Db, input: NewStaff, opts: { replace?: boolean } = {}): Promise<StaffIdentity> {
  const staff = newStaffSchema.parse(input);
  const values = {
    email: staff.email,
    name: staff.name,
    role: staff.role,
    passwordHash: await hashPassword(staff.password),
  };
  const query = db.insert(staffAccounts).values(values);
  const [row] = await (
    opts.replace
      ? query.onConflictDoUpdate({
          target: staffAccounts.email,
          set: { name: values.name, role: values.role, passwordHash: values.passwordHash, disabledAt: null },
        })
      : query.onConflictDoNothing()
  ).returning();
  if (!row) throw new Error(`A staff account for ${staff.email} already exists (use --replace to reset it).`);
  return { id: row.id, email: row.email, name: row.name, role: staff.role };
}

export async function removeStaff(db: Db, email: string): Promise<boolean> {
  const removed = await db.delete(staffAccounts).where(eq(staffAccounts.email, email.toLowerCase())).returning();
  return removed.length > 0;
}

export async function listStaff(db: Db) {
  return db
    .select({
      email: staffAccounts.email,
      name: staffAccounts.name,
      role: staffAccounts.role,
      disabledAt: staffAccounts.disabledAt,
    })
    .from(staffAccounts)
    .orderBy(staffAccounts.email);
}

/** Seeds the demo accounts that are missing (an account someone changed is left as it is). */
export async function seedDemoStaff(db: Db): Promise<number> {
  // Hash only what is missing: two scrypt runs (~100 ms, 64 MiB) on every start would be wasted.
  const present = new Set(await demoStaffPresent(db));
  let inserted = 0;
  for (const demo of DEMO_STAFF.filter((d) => !present.has(d.email))) {
    const rows = await db
      .insert(staffAccounts)
      .values({
        email: demo.email,
        name: demo.name,
        // The demo list spells its roles out (env/ cannot import auth/); this keeps them real roles.
        role: demo.role satisfies StaffRole,
        passwordHash: await hashPassword(demo.password),
      })
      .onConflictDoNothing()
      .returning({ id: staffAccounts.id });
    inserted += rows.length;
  }
  return inserted;
}

/** Demo accounts present in the database (they must not exist against a real Vipps host). */
export async function demoStaffPresent(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: staffAccounts.email })
    .from(staffAccounts)
    .where(
      inArray(
        staffAccounts.email,
        DEMO_STAFF.map((d) => d.email),
      ),
    );
  return rows.map((r) => r.email);
}
