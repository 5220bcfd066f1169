// The Vipps client factory: pure wiring of config + injected I/O (fetch, clock, sleep, randomness, logger).
// No `server-only` here so it is unit-testable; `index.ts` builds the process-wide instance.
import { validateConfig, type VippsClientConfig } from './config';
import { VippsConfigError, VippsResponseError } from './errors';
import {
  cancelPaymentRequest,
  capturePaymentRequest,
  createPaymentRequest,
  deleteWebhookRequest,
  forceApproveRequest,
  getPaymentEventsRequest,
  getPaymentRequest,
  getUserinfoRequest,
  listWebhooksRequest,
  refundPaymentRequest,
  registerWebhookRequest,
  tokenRequest,
  type CancelOptions,
  type IdempotencyOptions,
} from './requests';
import type { Userinfo } from './response-schemas';
import { createTokenCache, tokenRefreshAtMs, type TokenCache } from './token-cache';
import { createTransport, type TransportDeps } from './transport';
import type {
  Amount,
  CreatePaymentRequest,
  CreatePaymentResponse,
  ForceApproveRequest,
  GetPaymentResponse,
  ModificationResponse,
  PaymentEvent,
  RegisteredWebhook,
  RegisterWebhookRequest,
  RegisterWebhookResponse,
} from './types';

/** The client's I/O (fetch, clock, sleep, randomness, logger) is exactly what the transport needs. */
export type VippsClientDeps = TransportDeps;

/**
 * Every method resolves with the validated response or rejects with a `VippsError` (see errors.ts for
 * what each subclass means and what the caller must do). Mutating methods take the caller's
 * Idempotency-Key: persist it with the operation row first, then call, and reuse it on every retry.
 */
export interface VippsClient {
  createPayment(body: CreatePaymentRequest, options: IdempotencyOptions): Promise<CreatePaymentResponse>;
  getPayment(reference: string): Promise<GetPaymentResponse>;
  /** The authoritative history of a payment (BRIEF §6); use it to reconcile after an unknown outcome. */
  getPaymentEvents(reference: string): Promise<PaymentEvent[]>;
  capturePayment(reference: string, amount: Amount, options: IdempotencyOptions): Promise<ModificationResponse>;
  refundPayment(reference: string, amount: Amount, options: IdempotencyOptions): Promise<ModificationResponse>;
  /** Before authorization this terminates the payment; after, it releases the uncaptured rest (BRIEF §5). */
  cancelPayment(reference: string, options: CancelOptions): Promise<ModificationResponse>;
  /** Test environments only (BRIEF §9): approves without the app. Refused against api.vipps.no. */
  forceApprove(reference: string, body: ForceApproveRequest): Promise<void>;
  /** The returned `secret` is shown once (BRIEF §8): store it; never log it. */
  registerWebhook(body: RegisterWebhookRequest): Promise<RegisterWebhookResponse>;
  listWebhooks(): Promise<RegisteredWebhook[]>;
  deleteWebhook(id: string): Promise<void>;
  /**
   * The profile the shopper consented to share (Userinfo API), by the `profile.sub` of an AUTHORIZED payment.
   * `about.reference` only labels errors and the API log row. A 404 means Vipps no longer serves it.
   */
  getUserinfo(sub: string, about?: { reference?: string }): Promise<Userinfo>;
}

export function createVippsClient(config: VippsClientConfig, deps: VippsClientDeps): VippsClient {
  const resolved = validateConfig(config);
  const tokens: TokenCache = createTokenCache({ now: deps.now, fetchToken });
  const transport = createTransport(resolved, deps, () => tokens);

  async function fetchToken() {
    const response = await transport.send(tokenRequest(), 'client-credentials');
    const refreshAtMs = tokenRefreshAtMs(response, deps.now());
    if (refreshAtMs === undefined) {
      throw new VippsResponseError({ operation: 'token', issues: ['expires_in/expires_on are not usable numbers'] });
    }
    return { accessToken: response.access_token, refreshAtMs };
  }

  // Builders run inside `async` methods, so invalid input rejects the promise rather than throwing.
  return {
    createPayment: async (body, options) => transport.send(createPaymentRequest(body, options)),
    getPayment: async (reference) => transport.send(getPaymentRequest(reference)),
    getPaymentEvents: async (reference) => transport.send(getPaymentEventsRequest(reference)),
    capturePayment: async (reference, amount, options) =>
      transport.send(capturePaymentRequest(reference, amount, options)),
    refundPayment: async (reference, amount, options) =>
      transport.send(refundPaymentRequest(reference, amount, options)),
    cancelPayment: async (reference, options) => transport.send(cancelPaymentRequest(reference, options)),
    forceApprove: async (reference, body) => {
      if (!resolved.allowForceApprove) {
        throw new VippsConfigError('force approve is only available in test environments', {
          operation: 'forceApprove',
          reference,
        });
      }
      await transport.send(forceApproveRequest(reference, body));
    },
    registerWebhook: async (body) => transport.send(registerWebhookRequest(body)),
    listWebhooks: async () => (await transport.send(listWebhooksRequest())).webhooks,
    deleteWebhook: async (id) => transport.send(deleteWebhookRequest(id)),
    getUserinfo: async (sub, about) => transport.send(getUserinfoRequest(sub, about?.reference)),
  };
}
