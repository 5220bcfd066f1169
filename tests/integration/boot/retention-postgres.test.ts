// The retention statements on real PostgreSQL (the other tests run them on PGlite): deletes inside a CTE,
// interval and OFFSET parameters, and the lease that lets one instance prune per period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '@/lib/server/boot/retention';
import type { DbHandle } from '@/lib/server/db/core';
import { vippsApiLog, webhookDeliveries } from '@/lib/server/db/schema';
import { openThrowawayPostgres } from '../db-drivers';

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe.skipIf(process.env.SKIP_POSTGRES_TESTS === '1')('API log and inbox retention on PostgreSQL', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openThrowawayPostgres();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('prunes by age and by count, once per period over instances', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const row = { method: 'GET', path: '/p', status: 200, durationMs: 1, attempt: 1 };
    await handle.db.insert(vippsApiLog).values([...times(3, { ...row, at: old }), ...times(8, row)]);
    const refused = { verified: false, refusalReason: 'bad signature', body: '{}' };
    await handle.db.insert(webhookDeliveries).values([...times(5, refused), { verified: true, body: '{}' }]);
    const settings = {
      apiLog: { retentionDays: 30, maxRows: 5 },
      deliveries: { retentionDays: 30, maxRefused: 2 },
      shopperPhoneDays: 30,
      profileDays: 90,
      everySeconds: 3_600,
    };
    const quiet = { info: () => {} };
    expect(await runRetention({ db: handle.db, log: quiet }, settings, 'a')).toEqual({
      ran: true,
      apiLog: { byAge: 3, byCount: 3 },
      deliveries: { byAge: 0, byCount: 3 },
      phones: { orders: 0, operations: 0, apiLog: 0 },
      profiles: 0,
    });
    expect(await runRetention({ db: handle.db, log: quiet }, settings, 'b')).toEqual({ ran: false });
    expect(await handle.db.select().from(vippsApiLog)).toHaveLength(5);
    expect(await handle.db.select().from(webhookDeliveries)).toHaveLength(3);
  });
});
