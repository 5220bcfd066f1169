/**
 * What the route modules share: one simulator instance's configuration, clock and stores. Only route and
 * service modules import this; `http/` (gateway middleware) takes narrow dependencies instead, so there is no
 * import circle between the two.
 */
import type { VirtualClock } from './clock';
import type { SimConfig } from './config';
import type { IdempotencyStore } from './epayment/idempotency';
import type { PaymentService } from './epayment/payment-service';
import type { PaymentStore } from './epayment/payment-store';
import type { FaultStore } from './fault-store';
import type { ApiFault } from './http/faults';
import type { RateLimiter } from './http/rate-limit';
import type { Logger } from './logger';
import type { TokenStore } from './token/token-store';
import type { UserinfoGrants } from './userinfo/grants';
import type { UserDirectory } from './users/user-directory';
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
  faults: FaultStore<ApiFault>;
  rateLimits: RateLimiter;
  webhooks: WebhookService;
  /** Test users of the simulated app (profile sharing). */
  users: UserDirectory;
  /** sub → what an approved payment's shopper shared, for the Userinfo API. */
  grants: UserinfoGrants;
}
