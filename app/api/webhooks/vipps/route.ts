import { after } from 'next/server';
import { withProblems } from '@/lib/server/http/route';
import { ordersDeps } from '@/lib/server/orders';
import { processWebhookEvent, readWebhookBody, receiveWebhook } from '@/lib/server/webhooks/receive';

export const dynamic = 'force-dynamic';

/**
 * Vipps' ePayment webhooks: verified and stored (event and inbox row) before the answer, processed after it
 * (`after`), so Vipps gets its 2xx well within its 10 s (BRIEF §8) however slow reading the payment back is.
 */
export const POST = withProblems(async (request) => {
  const deps = await ordersDeps();
  const rawBody = await readWebhookBody(deps, request);
  const received = await receiveWebhook(deps, {
    method: request.method,
    headers: request.headers,
    rawBody,
    now: Date.now(),
  });
  if (!received.duplicate) after(() => processWebhookEvent(deps, received));
  return Response.json({ received: true, duplicate: received.duplicate });
});
