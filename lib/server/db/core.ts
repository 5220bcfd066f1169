import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockPgliteDir } from './pglite-lock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib/server/db/migrations');

/**
 * Opens the database and applies pending migrations. `url` selects PostgreSQL; otherwise PGlite runs
 * in-process on `dataDir` (in memory when omitted). Only one process may open a PGlite folder at a time:
 * a second one silently loses writes (TOOLCHAIN G9), so every process gets its own folder.
 */
export async function openDb(opts: {
  url?: string;
  dataDir?: string;
  /** Told about errors of idle PostgreSQL connections (server restart, network drop, admin kill). */
  onConnectionError?: (error: Error) => void;
  /**
   * PGlite only: start from this `dumpDataDir()` image instead of a fresh initdb (tests: 0.4 s instead of 2.4 s
   * per database, TOOLCHAIN). Pending migrations are applied on top as usual.
   */
  pgliteImage?: Blob;
}): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle client whose connection dies makes the pool emit 'error'; with no listener Node treats that as an
    // uncaught exception and the app crashes. The pool drops that client and opens a new one on the next query.
    const onConnectionError =
      opts.onConnectionError ?? ((error: Error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    pool.on('error', onConnectionError);
    const db = drizzlePg(pool, { schema });
    try {
      await migrateOnce(pool, () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as Db, driver: 'postgres', close: () => pool.end() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const unlock = opts.dataDir ? lockPgliteDir(opts.dataDir) : () => {};
  const client = new PGlite({ dataDir: opts.dataDir, loadDataDir: opts.pgliteImage });
  const db = drizzlePglite(client, { schema });
  const close = async () => {
    await client.close();
    unlock();
  };
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await close();
    throw error;
  }
  return { db: db as unknown as Db, driver: 'pglite', close };
}

/**
 * Two instances starting at once on one PostgreSQL would both run the same migrations (drizzle's migrator takes
 * no lock), and the second fails on "already exists". A session advisory lock makes them take turns: the second
 * waits, then finds nothing left to do.
 */
async function migrateOnce(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
const MIGRATION_LOCK_KEY = 7_302_024_001;

export { schema };
