// Runs once when the Next.js server starts (not during `next build`): a bad configuration stops the app with
// one message listing every bad variable, and the database is opened, migrated and seeded before the first
// request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/server/http/peer-address-at-start');
    await import('./lib/server/env/check-at-start');
    await import('./lib/server/db/open-at-start');
    await import('./lib/server/catalogue/seed-at-start');
    await import('./lib/server/auth/staff-seed-at-start');
    await import('./lib/server/boot/start-background');
  }
}
