// The Vipps client's public face: its types, errors and webhook signing. The process-wide client, wired to the
// validated configuration and the API log, is built in lib/server/runtime/vipps-client.ts, so this folder never
// depends on the database or the API log.
import 'server-only';

export type { VippsClient, VippsClientDeps } from './client';
export type { CancelOptions, IdempotencyOptions } from './requests';
export type { ExchangeObserver, VippsExchange } from './exchange';
export * from './errors';
export * from './types';
export type { Userinfo, UserinfoAddress } from './response-schemas';
export { signWebhook, verifyWebhook, webhookSigningTarget } from './webhook-signature';
export type { WebhookVerificationFailure, WebhookVerificationResult } from './webhook-signature';
