import { eq } from 'drizzle-orm';
import type { Db } from '../db/core';
import { webhookRegistrations } from '../db/schema';
import type { ModuleLogger } from '../log';
import { INSTANCE_ID } from '../runtime/instance';
import { releaseLease, takeLease } from '../runtime/lease';
import type { VippsClient } from '../vipps/client';
import { EPAYMENT_WEBHOOK_EVENTS } from '../vipps/types';

export const WEBHOOK_PATH = '/api/webhooks/vipps';

export const webhookUrlFor = (publicBaseUrl: string) => `${publicBaseUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`;

export interface RegistrationDeps {
  db: Db;
  vipps: VippsClient;
  publicBaseUrl: string;
  log: ModuleLogger;
}

export type RegistrationOutcome = 'kept' | 'registered' | 'failed';

/**
 * Makes sure Vipps sends our ePayment events to `<PUBLIC_BASE_URL>/api/webhooks/vipps`, and that we hold the
 * secret that signs them (Vipps shows it once, at registration — BRIEF §8). Keeps a registration that Vipps
 * still lists, registers anew when it is gone (e.g. a restarted simulator), and removes other registrations
 * for our URL whose secret we no longer have (their deliveries could never be verified). A failure is logged
 * and does not stop the shop: the reconciler still settles every payment without webhooks.
 */
export async function ensureWebhookRegistered(deps: RegistrationDeps): Promise<RegistrationOutcome> {
  const url = webhookUrlFor(deps.publicBaseUrl);
  try {
    // Two instances starting together must not both register (each would drop the other's secret).
    if (!(await takeLease(deps.db, 'webhook-registration', INSTANCE_ID, 60))) return 'kept';
    const [stored] = await deps.db.select().from(webhookRegistrations).where(eq(webhookRegistrations.url, url));
    const listed = await deps.vipps.listWebhooks();
    const wanted = new Set<string>(EPAYMENT_WEBHOOK_EVENTS);
    const current = listed.find(
      (w) => w.id === stored?.vippsId && w.url === url && [...wanted].every((e) => w.events.includes(e)),
    );
    let outcome: RegistrationOutcome = 'kept';
    let keepId = current?.id;
    if (!current) {
      const created = await deps.vipps.registerWebhook({ url, events: [...EPAYMENT_WEBHOOK_EVENTS] });
      await deps.db
        .insert(webhookRegistrations)
        .values({ url, vippsId: created.id, secret: created.secret, events: [...EPAYMENT_WEBHOOK_EVENTS] })
        .onConflictDoUpdate({
          target: webhookRegistrations.url,
          set: { vippsId: created.id, secret: created.secret, events: [...EPAYMENT_WEBHOOK_EVENTS] },
        });
      keepId = created.id;
      outcome = 'registered';
    }
    for (const stale of listed.filter((w) => w.url === url && w.id !== keepId)) {
      await deps.vipps.deleteWebhook(stale.id);
    }
    deps.log.info({ url, outcome }, 'Vipps webhook registration checked');
    return outcome;
  } catch (error) {
    deps.log.error(
      { err: error, url },
      'Could not register the Vipps webhook; payments still settle through polling and the reconciler',
    );
    return 'failed';
  } finally {
    await releaseLease(deps.db, 'webhook-registration', INSTANCE_ID).catch(() => undefined);
  }
}

export async function webhookSecret(db: Db, publicBaseUrl: string): Promise<string | undefined> {
  const [row] = await db
    .select({ secret: webhookRegistrations.secret })
    .from(webhookRegistrations)
    .where(eq(webhookRegistrations.url, webhookUrlFor(publicBaseUrl)));
  return row?.secret;
}
