import { getDb } from '.';

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // drizzle wraps the driver's error ("Failed query: …"); the cause says why (ECONNREFUSED, bad password, …).
  const cause = error.cause instanceof Error ? ` — ${error.cause.message || error.cause.name}` : '';
  return `${error.message.split('\n')[0]}${cause}`;
}

// Migrations and the catalogue seed run at start, so a broken DATABASE_URL or a failed migration stops the
// app with a clear message instead of failing the first shopper's request.
try {
  await getDb();
} catch (error) {
  console.error(`\nCould not open the database (check DATABASE_URL / PGLITE_DIR): ${describe(error)}\n`);
  process.exit(1);
}
