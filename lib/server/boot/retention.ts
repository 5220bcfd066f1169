// Bounded retention of the Vipps API log and the webhook inbox (by age and by row count), of shoppers' phone
// numbers (by age) and of shared Vipps profiles (by time since the order settled), run from the background work (start-background.ts) at most once per period across all
// instances (a lease decides). It lives in boot/ because it reaches into three folders (api-log, webhooks,
// orders), none of which may depend on the others' housekeeping.
import { pruneApiLog, type ApiLogRetention } from '../api-log/retention';
import type { Db } from '../db/core';
import type { ModuleLogger } from '../log';
import { eraseSharedProfiles } from '../orders/profile-retention';
import { forgetShopperPhones, type ForgottenPhones } from '../orders/shopper-phones';
import { takeLease } from '../runtime/lease';
import { pruneDeliveries, type DeliveryRetention } from '../webhooks/inbox';

export const RETENTION_LEASE = 'observability-retention';

export interface RetentionSettings {
  apiLog: ApiLogRetention;
  deliveries: DeliveryRetention;
  /** Shoppers' phone numbers are forgotten this many days after their order (SHOPPER_PHONE_RETENTION_DAYS). */
  shopperPhoneDays: number;
  /** Shared Vipps profiles are erased this many days after their order settled (PROFILE_RETENTION_DAYS). */
  profileDays: number;
  /** At most one prune per this period, over all instances sharing the database. */
  everySeconds: number;
}

/**
 * One retention run, if no instance ran one within the period. The lease is taken and left to expire (not
 * released), so it doubles as "last run at".
 */
export async function runRetention(
  deps: { db: Db; log: Pick<ModuleLogger, 'info'> },
  settings: RetentionSettings,
  holder: string,
): Promise<{
  ran: boolean;
  apiLog?: { byAge: number; byCount: number };
  deliveries?: { byAge: number; byCount: number };
  phones?: ForgottenPhones;
  profiles?: number;
}> {
  // A little under the period, so this instance's own next tick finds the lease expired.
  const leaseSeconds = Math.max(1, settings.everySeconds - 60);
  if (!(await takeLease(deps.db, RETENTION_LEASE, holder, leaseSeconds))) return { ran: false };
  const apiLog = await pruneApiLog(deps.db, settings.apiLog);
  const deliveries = await pruneDeliveries(deps.db, settings.deliveries);
  const phones = await forgetShopperPhones(deps.db, { retentionDays: settings.shopperPhoneDays });
  const profiles = await eraseSharedProfiles(deps.db, { retentionDays: settings.profileDays });
  if (apiLog.byAge + apiLog.byCount + deliveries.byAge + deliveries.byCount > 0) {
    deps.log.info({ apiLog, deliveries }, 'pruned the Vipps API log and the webhook inbox');
  }
  if (phones.orders + phones.operations + phones.apiLog > 0) {
    deps.log.info({ phones }, "forgot shoppers' phone numbers past their retention");
  }
  if (profiles > 0) deps.log.info({ profiles }, 'erased shared profiles past their retention');
  return { ran: true, apiLog, deliveries, phones, profiles };
}
