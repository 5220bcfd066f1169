// Webhooks part of the simulator (BRIEF §8): registration API, signed delivery with retry,
// per-payment ordering and blocking, and a test-only control API with fault injection.
import type { Hono } from 'hono';
import type { SimEnv } from '../http/sim-env';
import { createApiRoutes } from './api-routes';
import { createControlRoutes } from './control-routes';
import { Dispatcher } from './dispatcher';
import { eventTypeFor } from './events';
import { FaultStore } from '../fault-store';
import { matchesEvent, type WebhookFault } from './faults';
import { Registry } from './registry';
import { DEFAULT_DELIVERY_TIMEOUT_MS, DEFAULT_RETRY_DELAYS_MS } from './retry-schedule';
import type { PublishedEvent, WebhookService, WebhookServiceOptions } from './types';

export type { PublishedEvent, WebhookService, WebhookServiceOptions } from './types';
export type { PaymentEventName } from './events';
export { DEFAULT_RETRY_DELAYS_MS, VIPPS_RETRY_DELAYS_MS, DEFAULT_DELIVERY_TIMEOUT_MS } from './retry-schedule';
export { signWebhook } from './signer';

export function createWebhookService(opts: WebhookServiceOptions): WebhookService {
  const registry = new Registry();
  const faults = new FaultStore<WebhookFault>();
  const log = opts.log ?? (() => {});
  const dispatcher = new Dispatcher({
    registry,
    now: opts.now,
    fetchFn: opts.fetch ?? ((input, init) => fetch(input, init)),
    retryDelaysMs: opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    deliveryTimeoutMs: opts.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
    maxDeliveries: opts.maxDeliveries ?? 10_000,
    log,
  });

  const api: Hono<SimEnv> = createApiRoutes({
    registry,
    acceptedMsns: opts.acceptedMsns,
    now: opts.now,
    onDeleted: (id) => dispatcher.cancelRegistration(id),
  });
  const control: Hono<SimEnv> = createControlRoutes({ registry, dispatcher, faults });

  return {
    api,
    control,
    publish(event: PublishedEvent) {
      const targets = registry.subscribers(event.msn, eventTypeFor(event.name));
      if (targets.length === 0) return; // nobody listens: do not use up a fault on it
      dispatcher.publish(event, targets, faults.take(matchesEvent(event)));
    },
    reset() {
      dispatcher.reset();
      registry.clear();
      faults.clear();
    },
    close: () => dispatcher.close(),
  };
}
