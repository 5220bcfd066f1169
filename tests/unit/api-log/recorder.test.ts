import { describe, expect, it } from 'vitest';
import { createApiLogRecorder } from '@/lib/server/api-log/recorder';
import type { Db } from '@/lib/server/db/core';
import type { VippsExchange } from '@/lib/server/vipps/exchange';

const exchange = (attempt: number): VippsExchange => ({
  operation: 'getPayment',
  method: 'GET',
  path: '/epayment/v1/payments/ref-1',
  attempt,
  startedAt: 0,
  durationMs: 1,
  status: 200,
});

function fakeDb(insert: (rows: unknown[]) => Promise<void>) {
  return { insert: () => ({ values: insert }) } as unknown as Db;
}

function warnings() {
  const lines: { fields: object; message: string }[] = [];
  return { lines, log: { warn: (fields: object, message: string) => lines.push({ fields, message }) } };
}

describe('the API log recorder', () => {
  it('returns at once and writes a burst in one batch; flush waits for it', async () => {
    const batches: unknown[][] = [];
    const recorder = createApiLogRecorder({
      db: fakeDb((rows) => Promise.resolve(void batches.push(rows))),
      log: warnings().log,
      secrets: [],
    });
    for (let i = 1; i <= 5; i++) recorder.record(exchange(i));
    expect(batches).toHaveLength(0); // nothing written on the caller's path
    await recorder.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(5);
  });

  it('a failing database is logged, never thrown, and later rows are still written', async () => {
    let fail = true;
    const written: unknown[] = [];
    const { lines, log } = warnings();
    const recorder = createApiLogRecorder({
      db: fakeDb((rows) => {
        if (fail) return Promise.reject(new Error('connection refused'));
        written.push(...rows);
        return Promise.resolve();
      }),
      log,
      secrets: [],
    });
    expect(() => recorder.record(exchange(1))).not.toThrow();
    await recorder.flush();
    expect(lines[0]?.message).toMatch(/could not write the Vipps API log/);
    fail = false;
    recorder.record(exchange(2));
    await recorder.flush();
    expect(written).toHaveLength(1);
  });

  it('a database that cannot even be opened is the same: logged, not thrown', async () => {
    const { lines, log } = warnings();
    const recorder = createApiLogRecorder({ db: () => Promise.reject(new Error('no db')), log, secrets: [] });
    recorder.record(exchange(1));
    await recorder.flush();
    expect(lines).toHaveLength(1);
  });

  it('bounds memory: beyond the queue limit exchanges are dropped and counted', async () => {
    const written: unknown[] = [];
    const { lines, log } = warnings();
    const recorder = createApiLogRecorder({
      db: fakeDb((rows) => Promise.resolve(void written.push(...rows))),
      log,
      secrets: [],
      maxQueue: 3,
    });
    for (let i = 1; i <= 10; i++) recorder.record(exchange(i));
    await recorder.flush();
    expect(written).toHaveLength(3);
    expect(lines.at(-1)).toMatchObject({ fields: { lost: 7 } });
  });
});
