// Text PostgreSQL cannot store (U+0000, a lone surrogate) and weak checkout keys, through the real route
// handlers: each is a 4xx problem at the boundary, never a failed query answered with a 500.
import './next-runtime';
import { randomUUID } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as checkoutPOST } from '@/app/api/checkout/route';
import { POST as webhookPOST } from '@/app/api/webhooks/vipps/route';
import { webhookDeliveries, webhookRegistrations } from '@/lib/server/db/schema';
import { signWebhook } from '@/lib/server/vipps/webhook-signature';
import { ensureWebhookRegistered, webhookUrlFor } from '@/lib/server/webhooks/registration';
import { ePaymentEvent } from '../support/signed-delivery';
import { SHOP_URL, callRoute, expectProblemEnvelope, pendingAfterTasks, setUpRouteWorld } from './support';

const getWorld = setUpRouteWorld();
const UNSTORABLE = ['fjord-mug\u0000', '\u0000', 'a\uD800b', '\uDC00'];

const checkout = (key: string, body: object) =>
  callRoute(checkoutPOST, {
    method: 'POST',
    path: '/api/checkout',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('POST /api/checkout', () => {
  it.each(UNSTORABLE)('refuses the SKU %j with a 400 field error', async (sku) => {
    const response = await checkout(randomUUID(), { items: [{ sku, quantity: 1 }] });
    expect(response.status).toBe(400);
    expect(await expectProblemEnvelope(response)).toMatchObject({ errors: [{ path: 'items.0.sku' }] });
  });

  it('refuses a phone number with a NUL in it', async () => {
    const response = await checkout(randomUUID(), {
      items: [{ sku: 'fjord-mug', quantity: 1 }],
      phoneNumber: '912 34 567\u0000',
    });
    expect(response.status).toBe(400);
  });

  it.each([
    'short',
    'aaaaaaaa',
    'x'.repeat(32),
    randomUUID().replaceAll('-', ''),
    'a0eebc99-9c0b-1ef8-bb6d-6bb9bd380a11',
  ])('refuses the guessable or non-v4 checkout key %j', async (key) => {
    const response = await checkout(key, { items: [{ sku: 'fjord-mug', quantity: 1 }] });
    expect(response.status).toBe(400);
    expect(await expectProblemEnvelope(response)).toMatchObject({ errors: [{ path: 'Idempotency-Key' }] });
  });

  it('answers the same key with another cart 409, without the first landing URL', async () => {
    const key = randomUUID();
    const first = await checkout(key, { items: [{ sku: 'fjord-mug', quantity: 1 }] });
    expect(first.status).toBe(201);
    const { redirectUrl } = (await first.json()) as { redirectUrl: string };
    const other = await checkout(key, { items: [{ sku: 'wool-socks', quantity: 2 }] });
    expect(other.status).toBe(409);
    const text = await other.text();
    expect(text).not.toContain(redirectUrl);
    expect(JSON.parse(text)).toMatchObject({ code: 'conflict' });
  });
});

describe('POST /api/webhooks/vipps, signed', () => {
  let secret = '';
  beforeAll(async () => {
    expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
    secret = (await getWorld().handle.db.select().from(webhookRegistrations))[0]!.secret;
  });

  const deliver = (rawBody: string) =>
    callRoute(webhookPOST, {
      method: 'POST',
      path: '/api/webhooks/vipps',
      headers: {
        'content-type': 'application/json',
        ...signWebhook({ secret, url: webhookUrlFor(SHOP_URL), body: rawBody, date: new Date().toUTCString() }).headers,
      },
      body: rawBody,
    });

  it.each([
    ['reference', { reference: 'fb-100001-1-\u0000' }],
    ['name', { name: 'AUTHORIZED\u0000' }],
    ['pspReference', { pspReference: '\uD800' }],
    ['idempotencyKey', { idempotencyKey: 'k\u0000' }],
  ])('a NUL or lone surrogate in %s: 400, and the delivery is kept as refused', async (_field, change) => {
    const response = await deliver(JSON.stringify({ ...ePaymentEvent('fb-100001-1-nulcheck'), ...change }));
    expect(response.status).toBe(400);
    await expectProblemEnvelope(response);
    const [row] = await getWorld()
      .handle.db.select()
      .from(webhookDeliveries)
      .orderBy(desc(webhookDeliveries.id))
      .limit(1);
    expect(row).toMatchObject({ verified: true, refusalReason: 'body not valid', eventId: null });
    expect(row!.reference).not.toContain('\u0000');
    pendingAfterTasks.length = 0;
  });

  it('a raw NUL byte in a signed body (not JSON): 400, and the delivery is kept as refused', async () => {
    const response = await deliver('{"reference":"fb\u0000"}');
    expect(response.status).toBe(400);
    const [row] = await getWorld()
      .handle.db.select()
      .from(webhookDeliveries)
      .orderBy(desc(webhookDeliveries.id))
      .limit(1);
    expect(row).toMatchObject({ verified: true, refusalReason: 'body not valid' });
    expect(row!.body).toContain('\uFFFD');
  });
});
