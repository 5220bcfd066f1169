import type { Hono } from 'hono';
import type { SimEnv } from '../http/sim-env';
import type { PaymentEventName } from './events';

/** The ePayment webhook payload (`WebhookEvent`, BRIEF §8): the same for every event, only `name` changes. */
export interface PublishedEvent {
  msn: string;
  reference: string;
  pspReference: string;
  name: PaymentEventName;
  amount: { currency: string; value: number };
  timestamp: string;
  idempotencyKey: string | null;
  success: boolean;
  /** [newer] Only on AUTHORIZED: until when the capture is guaranteed. */
  captureGuaranteedUntil?: string;
}

export interface WebhookServiceOptions {
  /** The simulator's virtual clock: used for `x-ms-date` and the `at` of recorded attempts. */
  now: () => Date;
  /** MSNs this simulator knows; the first is the default when no `Merchant-Serial-Number` is sent. */
  acceptedMsns: string[];
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Wait before retry n+1 after failed attempt n; defaults to DEFAULT_RETRY_DELAYS_MS. */
  retryDelaysMs?: number[];
  /** An attempt with no complete answer within this time is a failure (Vipps: 10 s, BRIEF §8). */
  deliveryTimeoutMs?: number;
  /** Delivery records kept for inspection (default 10 000); the oldest finished ones are forgotten first. */
  maxDeliveries?: number;
  log?: (line: string) => void;
}

export interface WebhookService {
  publish(event: PublishedEvent): void;
  /** Mount at /webhooks/v1 after the Bearer-token and subscription-key middleware. */
  api: Hono<SimEnv>;
  /** Mount at /_sim/webhooks. */
  control: Hono<SimEnv>;
  /** Forget registrations, queues, deliveries and faults. */
  reset(): void;
  /** Stop timers and abort in-flight deliveries. */
  close(): Promise<void>;
}
