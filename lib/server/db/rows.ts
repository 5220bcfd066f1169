import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './core';

/**
 * Runs raw SQL and returns its rows. Both drivers (PGlite and node-postgres) answer `{ rows }`; drizzle's
 * shared `PgDatabase` type cannot say so, hence the one cast here.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Runs a DELETE (without its own RETURNING) and answers how many rows it removed, without fetching them. */
export async function countDeleted(db: Db, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`with gone as (${statement} returning 1) select count(*) as n from gone`,
  );
  return Number(row?.n ?? 0);
}
