import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@/lib/server/db/core';
import { ProblemError, problemResponse } from '@/lib/server/http/problem';
import { enforceRateLimit, hitRateLimit, pruneRateLimits } from '@/lib/server/http/rate-limit';
import { queryRows } from '@/lib/server/db/rows';
import { DRIVERS } from '../db-drivers';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + seconds * 1000);
const rule = { key: 'checkout:203.0.113.7', limit: 3, windowSeconds: 60 };

describe.each(DRIVERS)('rate limit on $name', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from rate_limit_windows`);
  });

  it('allows the limit, refuses the next with the rest of the window, and allows again once it has passed', async () => {
    for (let i = 0; i < rule.limit; i++) expect(await hitRateLimit(handle.db, rule, at(i))).toEqual({ allowed: true });
    expect(await hitRateLimit(handle.db, rule, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await hitRateLimit(handle.db, rule, at(59.5))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await hitRateLimit(handle.db, rule, at(60))).toEqual({ allowed: true });
    // Another address has its own window.
    expect(await hitRateLimit(handle.db, { ...rule, key: 'checkout:198.51.100.1' }, at(21))).toEqual({ allowed: true });
  });

  it('lets a burst of parallel requests through only up to the limit', async () => {
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(handle.db, rule, at(0))));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(rule.limit);
  });

  it('answers a used-up limit with a 429 too_many_attempts problem carrying Retry-After', async () => {
    for (let i = 0; i < rule.limit; i++) await enforceRateLimit(handle.db, { ...rule, title: 'Slow down' }, at(0));
    const error = await enforceRateLimit(handle.db, { ...rule, title: 'Slow down' }, at(15)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const response = problemResponse(error as ProblemError);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('45');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'too_many_attempts', title: 'Slow down' });
  });

  it('prunes passed windows of the same kind only', async () => {
    await hitRateLimit(handle.db, rule, at(0));
    await hitRateLimit(handle.db, { ...rule, key: 'other:x' }, at(0));
    await hitRateLimit(handle.db, { ...rule, key: 'checkout:fresh' }, at(100));
    await pruneRateLimits(handle.db, rule, at(100));
    const keys = await queryRows<{ key: string }>(handle.db, sql`select key from rate_limit_windows order by key`);
    expect(keys.map((k) => k.key)).toEqual(['checkout:fresh', 'other:x']);
  });
});
