// Named leases in the database: how several app instances sharing one PostgreSQL agree that only one of them
// runs the reconciler sweep, registers the webhook or prunes at a time (DESIGN: "only one at a time" is decided
// in the database, never in process memory).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';

/**
 * Takes (or renews) the named lease for `seconds` if it is free, expired, or already ours. Returns whether
 * we hold it. One statement, so two instances asking at once cannot both win.
 */
export async function takeLease(db: Db, name: string, holder: string, seconds: number): Promise<boolean> {
  const rows = await queryRows<{ holder: string }>(
    db,
    sql`insert into leases (name, holder, expires_at) values (${name}, ${holder}, now() + make_interval(secs => ${seconds}))
        on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where leases.expires_at < now() or leases.holder = excluded.holder
        returning holder`,
  );
  return rows.length > 0;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from leases where name = ${name} and holder = ${holder}`);
}
