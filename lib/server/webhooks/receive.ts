import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { WebhookDeliveryItem } from '@/lib/admin-observability-api';
import { storableText } from '@/lib/storable-text';
import { payments, staffActions, webhookEvents } from '../db/schema';
import { ProblemError } from '../http/problem';
import type { OrdersDeps } from '../orders/deps';
import { syncPayment } from '../orders/sync';
import { verifyWebhook, webhookSigningTarget } from '../vipps/webhook-signature';
import {
  REFUSAL,
  deliveryById,
  deliveryItemById,
  markProcessed,
  recordDelivery,
  refusalReasonFor,
  type DeliveryRecord,
} from './inbox';
import { WEBHOOK_PATH, webhookSecret } from './registration';

/** An ePayment delivery is a few hundred bytes (BRIEF §8); anything far bigger is not from Vipps. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

// Every string is stored (webhook_events: columns and the jsonb body), so each must be storable text: a signed
// delivery carrying a NUL is refused as a bad body (kept in the inbox, answered 400), never a failed insert.
const webhookEventSchema = z.object({
  msn: storableText().max(20),
  reference: storableText().min(1).max(64),
  pspReference: storableText().max(100),
  name: storableText().min(1).max(40),
  amount: z.object({ currency: storableText().max(3), value: z.number().int() }),
  timestamp: storableText().max(40),
  idempotencyKey: storableText().max(100).nullish(),
  success: z.boolean(),
});

export interface IncomingWebhook {
  method: string;
  headers: Headers;
  rawBody: string;
  now: number;
}

const unauthenticated = (detail: string) =>
  new ProblemError({ status: 401, code: 'unauthenticated', title: 'Webhook not accepted', detail });

const tooLarge = () =>
  new ProblemError({ status: 413, code: 'payload_too_large', title: 'The request body is too large' });

/**
 * The inbox is for staff: failing to write it must not change what Vipps is told (a 401 stays a 401, an
 * accepted event stays accepted, since `webhook_events` already holds it).
 */
async function keepDelivery(deps: OrdersDeps, delivery: DeliveryRecord): Promise<number | undefined> {
  try {
    return await recordDelivery(deps.db, delivery);
  } catch (error) {
    deps.log.warn({ err: error }, 'could not store the webhook delivery in the inbox');
    return undefined;
  }
}

/** What a body says about itself, for the inbox only (never for processing): unverified claims, bounded. */
function claimsOf(rawBody: string): Pick<DeliveryRecord, 'reference' | 'name'> {
  try {
    const body = JSON.parse(rawBody) as { reference?: unknown; name?: unknown };
    return {
      reference: typeof body.reference === 'string' ? body.reference : undefined,
      name: typeof body.name === 'string' ? body.name : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * Reads the route's body within the bound, storing an oversized delivery as refused (only its first bytes,
 * and nothing when the declared length alone is too big: it is not read at all).
 */
export async function readWebhookBody(deps: OrdersDeps, request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) {
    await keepDelivery(deps, { verified: false, refusalReason: REFUSAL.tooLarge, rawBody: '' });
    throw tooLarge();
  }
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) {
    await keepDelivery(deps, { verified: false, refusalReason: REFUSAL.tooLarge, rawBody: rawBody.slice(0, 4096) });
    throw tooLarge();
  }
  return rawBody;
}

/** A stored event, as processing needs it: what it is about, and the delivery that brought it. */
export interface ReceivedEvent {
  eventId: number;
  duplicate: boolean;
  reference: string;
  name: string;
  /** Its inbox row; undefined when writing the inbox failed (which never stops the event). */
  deliveryId?: number;
}

/**
 * Verifies the delivery (signature and date, before anything else is read), then stores the event once. The
 * answer goes back to Vipps straight after; `processWebhookEvent` does the slow part (reading the payment).
 * An event's identity is everything Vipps says about it, so a redelivery — or a replay by someone who captured
 * one — is recognised and changes nothing.
 */
export async function receiveWebhook(deps: OrdersDeps, incoming: IncomingWebhook): Promise<ReceivedEvent> {
  const refuse = async (refusalReason: string, { verified }: { verified: boolean }) => {
    await keepDelivery(deps, { verified, refusalReason, rawBody: incoming.rawBody, ...claimsOf(incoming.rawBody) });
  };
  const secret = await webhookSecret(deps.db, deps.publicBaseUrl);
  if (!secret) {
    await refuse(REFUSAL.noRegistration, { verified: false });
    throw unauthenticated('No webhook registration.');
  }
  const target = webhookSigningTarget(deps.publicBaseUrl, WEBHOOK_PATH);
  const verdict = verifyWebhook({
    secret,
    method: incoming.method,
    ...target,
    headers: incoming.headers,
    rawBody: incoming.rawBody,
    now: incoming.now,
  });
  if (!verdict.ok) {
    deps.log.warn({ reason: verdict.reason }, 'webhook refused');
    await refuse(refusalReasonFor(verdict.reason), { verified: false });
    throw unauthenticated('Signature or date not valid.');
  }
  let parsed: z.infer<typeof webhookEventSchema>;
  try {
    parsed = webhookEventSchema.parse(JSON.parse(incoming.rawBody));
  } catch {
    // Signed by Vipps but not an event we understand: kept as refused, so staff see what Vipps sent.
    await refuse(REFUSAL.badBody, { verified: true });
    throw new ProblemError({ status: 400, code: 'validation_failed', title: 'Not an ePayment webhook event' });
  }
  const eventKey = createHash('sha256')
    .update(
      JSON.stringify([
        parsed.msn,
        parsed.reference,
        parsed.name,
        parsed.pspReference,
        parsed.timestamp,
        parsed.idempotencyKey ?? null,
        parsed.success,
        parsed.amount.value,
      ]),
    )
    .digest('hex');
  const inserted = await deps.db
    .insert(webhookEvents)
    .values({
      eventKey,
      reference: parsed.reference,
      name: parsed.name,
      pspReference: parsed.pspReference,
      body: parsed,
    })
    .onConflictDoNothing({ target: webhookEvents.eventKey })
    .returning({ id: webhookEvents.id });
  const about = { reference: parsed.reference, name: parsed.name };
  const stored = { verified: true, rawBody: incoming.rawBody, ...about };
  if (inserted[0]) {
    const eventId = inserted[0].id;
    const deliveryId = await keepDelivery(deps, { ...stored, eventId });
    return { eventId, duplicate: false, deliveryId, ...about };
  }
  const [existing] = await deps.db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(eq(webhookEvents.eventKey, eventKey));
  const deliveryId = await keepDelivery(deps, {
    ...stored,
    eventId: existing!.id,
    duplicate: true,
    result: 'duplicate',
  });
  return { eventId: existing!.id, duplicate: true, deliveryId, ...about };
}

/**
 * A webhook is only a signal: read the payment from Vipps and apply that (DESIGN). Late, duplicated or
 * out-of-order events therefore cannot move the order to a state Vipps does not report. The result is kept on
 * the event and on the delivery that brought it. Takes the event as `receiveWebhook` stored it, so it is not
 * read back: this runs for every delivery, right after the answer to Vipps (it counts in the checkout figure of
 * `npm run bench`).
 */
export async function processWebhookEvent(deps: OrdersDeps, event: ReceivedEvent): Promise<string> {
  const result = await resultOf(deps, event);
  await markProcessed(deps.db, { eventId: event.eventId, deliveryId: event.deliveryId }, result);
  return result;
}

async function resultOf(deps: OrdersDeps, event: Pick<ReceivedEvent, 'reference' | 'name'>): Promise<string> {
  const [payment] = await deps.db
    .select({ redirectUrl: payments.redirectUrl })
    .from(payments)
    .where(eq(payments.reference, event.reference));
  if (!payment) return 'unknown_reference';
  // Our create call already told us the payment exists (we hold its redirect URL), so this event brings no news.
  // Reading anyway would add an upstream GET outside the status route's 2 s claim (tests/system/two-instances.test.ts
  // saw it: a poll and this read landed 0.1 s apart when the delivery was a little late).
  if (event.name === 'CREATED' && payment.redirectUrl) return 'nothing_new';
  try {
    await syncPayment(deps, event.reference);
    return 'synced';
  } catch (error) {
    deps.log.warn({ err: error, reference: event.reference }, 'webhook processing failed; the reconciler will retry');
    return `failed: ${error instanceof Error ? error.name : 'error'}`;
  }
}

/**
 * Staff's "process again": the event is read again (the payment from Vipps, never from the body), and who did
 * it goes into the order's append-only staff log like any other staff action. A refused delivery proves nothing
 * and is never processed.
 */
export async function reprocessDelivery(
  deps: OrdersDeps,
  deliveryId: number,
  staffEmail: string,
): Promise<WebhookDeliveryItem> {
  const delivery = await deliveryById(deps.db, deliveryId);
  if (!delivery) throw new ProblemError({ status: 404, code: 'not_found', title: 'Delivery not found' });
  if (!delivery.verified || delivery.refusalReason !== null || delivery.eventId === null) {
    throw new ProblemError({
      status: 409,
      code: 'conflict',
      title: 'A refused delivery cannot be processed',
      detail: `It was refused (${delivery.refusalReason ?? 'not verified'}), so nothing in it can be trusted. The reconciler reads every open payment from Vipps anyway.`,
    });
  }
  const [event] = await deps.db
    .select({ reference: webhookEvents.reference, name: webhookEvents.name })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, delivery.eventId));
  const result = event ? await resultOf(deps, event) : 'missing';
  await markProcessed(deps.db, { eventId: delivery.eventId, deliveryId }, result);
  if (delivery.reference !== null) {
    await deps.db.insert(staffActions).values({
      staffEmail,
      action: 'process_webhook_again',
      reference: delivery.reference,
      note: `Delivery ${deliveryId}${delivery.name ? ` (${delivery.name})` : ''}`,
      result,
    });
  }
  return (await deliveryItemById(deps.db, deliveryId))!;
}
