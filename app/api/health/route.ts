import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/server/db';
import { ProblemError } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Liveness + database check, used by Playwright's webServer and by operators. */
export const GET = withProblems(async () => {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
  } catch (error) {
    throw new ProblemError(503, 'db_unavailable', 'Database unavailable', 'Try again in a moment.', undefined, {
      cause: error,
    });
  }
  return Response.json({ status: 'ok' });
});
