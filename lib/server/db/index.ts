import 'server-only';
import path from 'node:path';
import { getEnv } from '../env';
import { getLogger } from '../log';
import { openDb, type DbHandle } from './core';

export type { Db } from './core';

const globalForDb = globalThis as unknown as { __shopDb?: Promise<DbHandle> };

/** One database per process (kept on globalThis so dev hot reloads do not open PGlite twice). */
export async function getDb() {
  globalForDb.__shopDb ??= (async () => {
    const env = getEnv();
    return openDb({
      url: env.DATABASE_URL,
      dataDir: env.DATABASE_URL ? undefined : path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DIR),
      onConnectionError: (err) => getLogger().warn({ err }, 'PostgreSQL connection lost; the pool reconnects'),
    });
  })().catch((error: unknown) => {
    globalForDb.__shopDb = undefined;
    throw error;
  });
  return (await globalForDb.__shopDb).db;
}
