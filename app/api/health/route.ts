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
    throw new ProblemError({
      status: 503,
      code: 'db_unavailable',
      title: 'Database unavailable',
      detail: 'Try again in a moment.',
      cause: error,
    });
  }
  return Response.json({ status: 'ok' });
});
