// What the admin pages read from the Vipps API log (rows are redacted when written, so they go out as stored).
import { asc, desc, eq } from 'drizzle-orm';
import { API_LOG_PAGE_SIZE, type ApiLogEntry } from '@/lib/admin-observability-api';
import type { Db } from '../db/core';
import { vippsApiLog } from '../db/schema';

type ApiLogRow = typeof vippsApiLog.$inferSelect;

/** One payment's exchanges are a handful; this only bounds a pathological retry storm. */
const MAX_ROWS_PER_REFERENCE = 500;

export function apiLogEntry(row: ApiLogRow): ApiLogEntry {
  return { ...row, at: row.at.toISOString() };
}

/** Every exchange about one payment, oldest first: the story of the payment as Vipps saw it. */
export async function apiLogFor(db: Db, reference: string): Promise<ApiLogEntry[]> {
  const rows = await db
    .select()
    .from(vippsApiLog)
    .where(eq(vippsApiLog.reference, reference))
    .orderBy(asc(vippsApiLog.id))
    .limit(MAX_ROWS_PER_REFERENCE);
  return rows.map(apiLogEntry);
}

/** One page of the whole log, newest first (token calls and webhook registration included). */
export async function listApiLog(
  db: Db,
  query: { page: number },
): Promise<{ entries: ApiLogEntry[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(vippsApiLog)
    .orderBy(desc(vippsApiLog.id))
    .limit(API_LOG_PAGE_SIZE + 1)
    .offset((query.page - 1) * API_LOG_PAGE_SIZE);
  return { entries: rows.slice(0, API_LOG_PAGE_SIZE).map(apiLogEntry), hasMore: rows.length > API_LOG_PAGE_SIZE };
}
