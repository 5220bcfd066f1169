// The record of one event going to one registration, as shown by GET /_sim/webhooks/deliveries.
import { randomUUID } from 'node:crypto';
import type { FaultKind } from './faults';
import type { PaymentEventName } from './events';
import type { PublishedEvent } from './types';

/**
 * pending: queued, in flight, or waiting for a retry / an injected delay.
 * delivered: a 2xx arrived. abandoned: the retry schedule ran out, or the registration was deleted.
 * dropped: a `drop` fault swallowed it. held: a `reorder` fault holds it until the payment's next event.
 */
export type DeliveryState = 'pending' | 'delivered' | 'abandoned' | 'dropped' | 'held';

export interface Attempt {
  /** Virtual-clock time the attempt started (same clock as its x-ms-date). */
  at: string;
  status?: number;
  error?: string;
  /** Real wall-clock duration. */
  ms: number;
}

export interface Delivery {
  id: string;
  registrationId: string;
  msn: string;
  url: string;
  /** Webhook event type, e.g. `epayments.payment.authorized.v1`. */
  event: string;
  name: PaymentEventName;
  reference: string;
  pspReference: string;
  state: DeliveryState;
  /** The fault that touched this delivery, if any; `duplicate` marks the extra copy. */
  fault: FaultKind | null;
  /** Why a delivery ended up abandoned/dropped. */
  note: string | null;
  attempts: Attempt[];
  /** The exact JSON body sent (the same bytes on every attempt). */
  body: string;
  createdAt: string;
  /** Real-time epoch ms before which no attempt is made (retry backoff or injected delay). */
  notBefore: number;
}

/** The §8 `WebhookEvent` payload, with the fields in the documented order. */
export function payloadFor(event: PublishedEvent): string {
  const { msn, reference, pspReference, name, amount, timestamp, idempotencyKey, success, captureGuaranteedUntil } =
    event;
  return JSON.stringify({
    msn,
    reference,
    pspReference,
    name,
    amount: { currency: amount.currency, value: amount.value },
    timestamp,
    idempotencyKey,
    success,
    ...(captureGuaranteedUntil !== undefined && { captureGuaranteedUntil }),
  });
}

export function newDelivery(
  fields: Omit<Delivery, 'id' | 'state' | 'fault' | 'note' | 'attempts' | 'notBefore'>,
): Delivery {
  return { id: randomUUID(), state: 'pending', fault: null, note: null, attempts: [], notBefore: 0, ...fields };
}

/** One delivery as `GET /_sim/webhooks/deliveries` lists it. */
export type DeliveryView = ReturnType<typeof deliveryView>;

export function deliveryView(d: Delivery, nowMs: number) {
  const { notBefore, ...rest } = d;
  const waiting = d.state === 'pending' && notBefore > nowMs;
  return { ...rest, nextAttemptInMs: waiting ? notBefore - nowMs : null };
}

/** Pending and held deliveries are still in a queue and are never forgotten. */
const isFinished = (d: Delivery) => d.state === 'delivered' || d.state === 'abandoned' || d.state === 'dropped';

/**
 * The records to keep once there are more than `cap`: the oldest finished ones are dropped down to 90 % of the
 * cap in one pass (amortised, like `trimOldest`). Under the cap the same array comes back.
 */
export function withoutOldestFinished(all: Delivery[], cap: number): Delivery[] {
  if (all.length <= cap) return all;
  let excess = all.length - Math.floor(cap * 0.9);
  return all.filter((d) => !(excess > 0 && isFinished(d) && excess-- > 0));
}
