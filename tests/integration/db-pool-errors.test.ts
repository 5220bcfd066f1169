import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DbHandle } from '@/lib/server/db/core';
import { queryRows } from '@/lib/server/db/rows';
import { POSTGRES_ADMIN_URL, openThrowawayPostgres } from './db-drivers';

// Review finding: the PostgreSQL pool had no 'error' listener, so a dropped idle connection crashed the
// process with an uncaught exception. Here the server kills our idle connection on purpose.
describe.skipIf(process.env.SKIP_POSTGRES_TESTS === '1')('PostgreSQL pool', () => {
  let handle: DbHandle;
  const lost: Error[] = [];
  let notifyLost: () => void = () => {};

  beforeAll(async () => {
    handle = await openThrowawayPostgres({
      onConnectionError: (error) => {
        lost.push(error);
        notifyLost();
      },
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('survives the server dropping an idle connection and serves the next query', async () => {
    const [{ pid, db } = { pid: 0, db: '' }] = await queryRows<{ pid: number; db: string }>(
      handle.db,
      sql`select pg_backend_pid() as pid, current_database() as db`,
    );
    const lostSignal = new Promise<void>((resolve) => (notifyLost = resolve));
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid = $2', [
      db,
      pid,
    ]);
    await admin.end();
    await lostSignal;
    expect(lost).toHaveLength(1);
    const after = await queryRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
    expect(after[0]?.ok).toBe(1);
  });
});
