// Runs once when the Next.js server starts: a bad configuration stops the app with one message listing
// every bad variable, instead of failing later on the first payment.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/server/env/check-at-start');
  }
}
