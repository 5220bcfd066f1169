// Webhook deliveries as the shop's route would receive them, signed like Vipps does (BRIEF §8).
import { signWebhook } from '@/lib/server/vipps/webhook-signature';
import type { IncomingWebhook } from '@/lib/server/webhooks/receive';
import { webhookUrlFor } from '@/lib/server/webhooks/registration';

export const SHOP_URL = 'http://localhost:3000';

export function signedDelivery(
  secret: string,
  body: object,
  options: { url?: string; date?: Date } = {},
): IncomingWebhook {
  const rawBody = JSON.stringify(body);
  const date = (options.date ?? new Date()).toUTCString();
  const signed = signWebhook({ secret, url: options.url ?? webhookUrlFor(SHOP_URL), body: rawBody, date });
  return { method: 'POST', headers: new Headers(signed.headers), rawBody, now: Date.now() };
}

export const ePaymentEvent = (reference: string, name = 'AUTHORIZED') => ({
  msn: '123456',
  reference,
  pspReference: `psp-${name}`,
  name,
  amount: { currency: 'NOK', value: 44900 },
  timestamp: new Date().toISOString(),
  idempotencyKey: null,
  success: true,
});
