/** What the route modules share: one simulator instance's configuration, clock and stores. */
import type { HttpBindings } from '@hono/node-server';
import type { VirtualClock } from './clock';
import type { SimConfig } from './config';
import type { IdempotencyStore } from './epayment/idempotency';
import type { PaymentService } from './epayment/payment-service';
import type { PaymentStore } from './epayment/payment-store';
import type { FaultStore } from './http/faults';
import type { Logger } from './logger';
import type { TokenStore } from './token/token-store';
import type { WebhookService } from './webhooks';

export interface SimContext {
  /** `publicUrl` is filled in after listening when it was not configured explicitly. */
  config: SimConfig;
  clock: VirtualClock;
  log: Logger;
  store: PaymentStore;
  payments: PaymentService;
  tokens: TokenStore;
  idempotency: IdempotencyStore;
  faults: FaultStore;
  webhooks: WebhookService;
}

/** Hono environment: Node bindings (for dropping sockets) and per-request values. */
export interface SimEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    msn: string;
    /** Set by handlers whose reference is not in the path (create), for the request log. */
    logReference: string;
    /** Set when a fault dropped the connection, for the request log. */
    dropped: boolean;
  };
}
