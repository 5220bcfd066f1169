import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { staffAccounts } from './staff';

/**
 * Sign-in attempts per throttle key (an account, a client address, or a known device). Kept in the database
 * so every app instance sees the same counts (lib/server/auth/login-throttle.ts).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
});

/**
 * One row per staff sign-in. The JWT in the browser carries `key`; every admin request checks that its row
 * is live, so signing out (or ending the session from another browser) stops a copied token at once, which a
 * stateless JWT cannot do (lib/server/auth/staff-sessions.ts).
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** The public handle: what the sessions list shows and the "end session" route takes. */
    id: serial('id').primaryKey(),
    /** 32 random bytes, base64url, carried only inside the encrypted JWT; the list never shows it. */
    key: text('key').notNull().unique(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most about once a minute, not on every request. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    clientAddress: text('client_address'),
  },
  (table) => [index('staff_sessions_staff').on(table.staffId, table.createdAt)],
);

/**
 * Fixed-window request counters per key (e.g. `checkout:<client address>`), decided in the database so that
 * every app instance shares one limit (lib/server/http/rate-limit.ts).
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
