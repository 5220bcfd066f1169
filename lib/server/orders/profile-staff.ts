// Staff reads of shared profiles (ADR 0026): the order page's profile, the list's names and the e-mail search.
import { and, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { SharedProfileView } from '@/lib/admin-api';
import type { Db } from '../db/core';
import { orders, paymentProfiles, payments } from '../db/schema';
import { getEnv } from '../env';
import { eraseAfterFor, orderSettledAt } from './profile-retention';
import { sharedProfileView } from './profile-views';

/** The authorized attempt's profile, else the newest attempt's that asked for one; null if none did. */
export async function orderProfile(
  db: Db,
  orderId: number,
  retentionDays = getEnv().PROFILE_RETENTION_DAYS,
): Promise<SharedProfileView | null> {
  const [row] = await db
    .select({
      profile: paymentProfiles,
      settledAt: sql<string | null>`${orderSettledAt(sql`${payments.orderId}`)}`,
    })
    .from(paymentProfiles)
    .innerJoin(payments, eq(payments.reference, paymentProfiles.reference))
    .where(eq(payments.orderId, orderId))
    .orderBy(sql`(${payments.vippsState} = 'AUTHORIZED') desc nulls last`, desc(payments.attempt))
    .limit(1);
  if (!row) return null;
  return sharedProfileView(row.profile, eraseAfterFor(row.settledAt, retentionDays));
}

/** The shared name of each listed order (the list shows nothing else of a profile). */
export async function sharedNames(db: Db, orderIds: number[]): Promise<Map<number, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({
      orderId: payments.orderId,
      name: sql<string | null>`${paymentProfiles.claims}->>'name'`,
      authorized: sql<boolean>`coalesce(${payments.vippsState} = 'AUTHORIZED', false)`,
    })
    .from(paymentProfiles)
    .innerJoin(payments, eq(payments.reference, paymentProfiles.reference))
    .where(and(inArray(payments.orderId, orderIds), eq(paymentProfiles.status, 'fetched')))
    .orderBy(desc(payments.attempt));
  const names = new Map<number, string>();
  // The authorized attempt's name wins; otherwise the newest attempt's.
  for (const row of [...rows.filter((r) => r.authorized), ...rows]) {
    if (row.name && !names.has(row.orderId)) names.set(row.orderId, row.name);
  }
  return names;
}

/** Staff typed an e-mail address: an exact, case-insensitive match on a shared e-mail, through its index. */
export function sharedEmailMatch(db: Db, q: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(paymentProfiles)
      .innerJoin(payments, eq(payments.reference, paymentProfiles.reference))
      .where(and(eq(payments.orderId, orders.id), eq(paymentProfiles.emailSearch, q.trim().toLowerCase()))),
  );
}
