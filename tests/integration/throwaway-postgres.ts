// Throw-away PostgreSQL databases for tests, the system tests and the bench scripts. No vitest import here:
// bench/run.ts and `npm run soak` load this with plain tsx, where importing vitest throws.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type DbHandle } from '@/lib/server/db/core';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Creates a throw-away database on the local PostgreSQL and returns a handle that drops it on close.
 * Fails loudly when PostgreSQL is unreachable, unless SKIP_POSTGRES_TESTS=1 says to skip on purpose.
 */
export async function openThrowawayPostgres(
  options: Pick<Parameters<typeof openDb>[0], 'onConnectionError'> = {},
): Promise<DbHandle> {
  const { name, url } = await createThrowawayPostgres();
  const handle = await openDb({ ...options, url });
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropThrowawayPostgres(name);
    },
  };
}

/** A new empty database on the local PostgreSQL: its name and URL (for processes that open it themselves). */
export async function createThrowawayPostgres(): Promise<{ name: string; url: string }> {
  const name = `shop_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${String(error)}). ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), point TEST_POSTGRES_URL at one, ' +
        'or set SKIP_POSTGRES_TESTS=1 to skip the PostgreSQL half of the data-access tests on purpose.',
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropThrowawayPostgres(name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await dropper.connect();
  await dropper.query(`drop database if exists ${name} with (force)`);
  await dropper.end();
}
