import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/server/db';

export const dynamic = 'force-dynamic';

/** Liveness + database check, used by Playwright's webServer and by operators. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json(
      { type: 'about:blank', title: 'Database unavailable', status: 503, code: 'db_unavailable' },
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  }
}
