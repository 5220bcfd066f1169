// Runs once when the Next.js server starts: a bad configuration stops the app with one message listing
// every bad variable, instead of failing later on the first payment.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv, EnvError } = await import('./lib/server/env/schema');
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
