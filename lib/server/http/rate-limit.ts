import { sql } from 'drizzle-orm';
import type { Db } from '../db/core';
import { queryRows } from '../db/rows';
import { ProblemError } from './problem';

/**
 * Fixed-window request limits, counted in the database so every app instance sharing it enforces one limit
 * (DESIGN: "only one at a time" is decided in the database). One upsert per request: it starts a new window
 * when the old one has passed, else adds one, and answers the count — so parallel requests cannot slip past.
 */
export interface RateLimit {
  /** What is limited and for whom, e.g. `checkout:203.0.113.7`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** About one request in this many also deletes windows that have passed, so the table stays small. */
const PRUNE_EVERY = 200;

export async function hitRateLimit(db: Db, rule: RateLimit, now = new Date()): Promise<RateVerdict> {
  const at = now.toISOString();
  const passed = sql`rate_limit_windows.window_started_at <= ${at}::timestamptz - make_interval(secs => ${rule.windowSeconds})`;
  const [row] = await queryRows<{ hits: number; seconds_left: number | string }>(
    db,
    sql`
    insert into rate_limit_windows (key, window_started_at, hits) values (${rule.key}, ${at}::timestamptz, 1)
    on conflict (key) do update set
      window_started_at = case when ${passed} then ${at}::timestamptz else rate_limit_windows.window_started_at end,
      hits = case when ${passed} then 1 else rate_limit_windows.hits + 1 end
    returning hits, extract(epoch from window_started_at + make_interval(secs => ${rule.windowSeconds}) - ${at}::timestamptz) as seconds_left`,
  );
  if (Math.random() < 1 / PRUNE_EVERY) await pruneRateLimits(db, rule, now);
  if (!row || row.hits <= rule.limit) return { allowed: true };
  // Another instance's clock may run ahead of ours: never ask for less than a second or more than a window.
  const seconds = Math.ceil(Number(row.seconds_left));
  return { allowed: false, retryAfterSeconds: Math.min(rule.windowSeconds, Math.max(1, seconds)) };
}

/** Deletes the passed windows of keys with the same prefix (everything before the first ':') as `rule`. */
export async function pruneRateLimits(db: Db, rule: RateLimit, now = new Date()): Promise<void> {
  const prefix = `${rule.key.split(':')[0]}:%`;
  await db.execute(
    sql`delete from rate_limit_windows where key like ${prefix} and window_started_at <= ${now.toISOString()}::timestamptz - make_interval(secs => ${rule.windowSeconds})`,
  );
}

/** Throws the 429 problem (with Retry-After) when `rule` is used up. */
export async function enforceRateLimit(db: Db, rule: RateLimit & { title: string }, now = new Date()): Promise<void> {
  const verdict = await hitRateLimit(db, rule, now);
  if (verdict.allowed) return;
  throw new ProblemError({
    status: 429,
    code: 'too_many_attempts',
    title: rule.title,
    detail: `Wait ${verdict.retryAfterSeconds} seconds before trying again.`,
    retryAfterSeconds: verdict.retryAfterSeconds,
  });
}
