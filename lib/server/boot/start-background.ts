// Background work of the shop, started once per server process (instrumentation.ts, the only importer of boot/):
// the webhook registration, the reconciler's timer and the retention of the API log, the webhook inbox and
// shoppers' phone numbers. None may stop the shop when Vipps is unreachable. Importing this module starts it all,
// so no other module may import it (an ESLint boundary keeps it so).
import { getEnv } from '../env';
import { ordersDeps } from '../orders';
import { abandonedAfterSeconds } from '../orders/money-panel';
import { reconcileOnce } from '../orders/reconcile';
import { INSTANCE_ID } from '../runtime/instance';
import { ensureWebhookRegistered } from '../webhooks/registration';
import { runRetention } from './retention';

const deps = await ordersDeps();
const env = getEnv();
void ensureWebhookRegistered(deps);

let running = false;
async function sweep() {
  if (running) return; // a slow sweep is never overlapped by the next tick
  running = true;
  try {
    await reconcileOnce(deps, {
      minAgeSeconds: env.RECONCILE_MIN_AGE_MS / 1000,
      // Short enough that another instance takes over soon after this one dies, long enough for one sweep.
      leaseSeconds: Math.max(10, (2 * env.RECONCILE_INTERVAL_MS) / 1000),
      batchSize: 100,
      stalePendingSeconds: abandonedAfterSeconds(env.VIPPS_RETRY_DEADLINE_MS),
    });
  } catch (error) {
    deps.log.error({ err: error }, 'reconciler sweep failed');
  } finally {
    running = false;
  }
}
setInterval(() => void sweep(), env.RECONCILE_INTERVAL_MS).unref();
void sweep();

/** Retention is cheap but not urgent: once an hour, by whichever instance takes the lease first. */
const RETENTION_EVERY_SECONDS = 3_600;
async function prune() {
  try {
    await runRetention(
      deps,
      {
        apiLog: { retentionDays: env.VIPPS_API_LOG_RETENTION_DAYS, maxRows: env.VIPPS_API_LOG_MAX_ROWS },
        deliveries: { retentionDays: env.WEBHOOK_INBOX_RETENTION_DAYS, maxRefused: env.WEBHOOK_INBOX_MAX_REFUSED },
        shopperPhoneDays: env.SHOPPER_PHONE_RETENTION_DAYS,
        profileDays: env.PROFILE_RETENTION_DAYS,
        everySeconds: RETENTION_EVERY_SECONDS,
      },
      INSTANCE_ID,
    );
  } catch (error) {
    deps.log.error({ err: error }, 'retention (API log, webhook inbox, phone numbers) failed');
  }
}
setInterval(() => void prune(), RETENTION_EVERY_SECONDS * 1000).unref();
void prune();
