// Bounded retention of the Vipps API log, by age and by row count. The periodic run that calls it (with the
// webhook inbox's and the phone numbers' retention) is boot/retention.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { countDeleted } from '../db/rows';

export interface ApiLogRetention {
  retentionDays: number;
  maxRows: number;
}

/** Deletes rows older than the retention, then all but the newest `maxRows`. */
export async function pruneApiLog(db: Db, retention: ApiLogRetention): Promise<{ byAge: number; byCount: number }> {
  const byAge = await countDeleted(
    db,
    sql`delete from vipps_api_log where at < now() - make_interval(days => ${retention.retentionDays})`,
  );
  // Ids grow with time (serial), so "older than the maxRows-th newest id" is "beyond the row limit".
  const byCount = await countDeleted(
    db,
    sql`delete from vipps_api_log where id <= (select id from vipps_api_log order by id desc offset ${retention.maxRows} limit 1)`,
  );
  return { byAge, byCount };
}
