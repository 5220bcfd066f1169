import { pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Staff accounts. `passwordHash` is scrypt from node:crypto in a self-describing string
 * (`scrypt$N$r$p$salt$hash`, lib/server/auth/password.ts), so the cost can be raised later without a migration.
 * E-mail is stored lower-case: one account per address whatever the case typed at sign-in.
 */
export const staffAccounts = pgTable('staff_accounts', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** 'viewer' | 'operator' (lib/server/auth/roles.ts). */
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set to stop an account signing in without losing who did what in the audit log. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

export type StaffAccountRow = typeof staffAccounts.$inferSelect;
