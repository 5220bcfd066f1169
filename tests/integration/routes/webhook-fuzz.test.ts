// Fuzzing POST /api/webhooks/vipps under 1000 generated bodies, header sets and query strings each.
// Half of the bodies are signed with the real secret, so the generator also reaches the parser behind the HMAC.
import './next-runtime';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/vipps/route';
import { webhookRegistrations } from '@/lib/server/db/schema';
import { signWebhook } from '@/lib/server/vipps/webhook-signature';
import { ensureWebhookRegistered, webhookUrlFor } from '@/lib/server/webhooks/registration';
import {
  assertRouteHolds,
  FUZZ_TIMEOUT,
  headers,
  hostileText,
  junkBody,
  queryString,
  unstorableVariantOf,
} from './arbitraries';
import { SHOP_URL, pendingAfterTasks, setUpRouteWorld, type RouteCall } from './support';

const getWorld = setUpRouteWorld();
let secret = '';

beforeAll(async () => {
  expect(await ensureWebhookRegistered(getWorld().deps())).toBe('registered');
  const [row] = await getWorld().handle.db.select().from(webhookRegistrations);
  secret = row!.secret;
});

function signed(body: string, date = new Date()): Record<string, string> {
  return signWebhook({ secret, url: webhookUrlFor(SHOP_URL), body, date: date.toUTCString() }).headers;
}

const delivery = (body: string, headerSet: Record<string, string>, query = ''): RouteCall => ({
  method: 'POST',
  path: `/api/webhooks/vipps${query}`,
  headers: { 'content-type': 'application/json', ...headerSet },
  body,
});

/** Event-shaped JSON with fields missing, mistyped or oversized, and now and then a valid event. */
const eventBody = fc
  .record(
    {
      msn: fc.oneof(fc.constant('123456'), fc.string({ maxLength: 30 }), fc.integer(), hostileText()),
      reference: fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{8,20}$/),
        fc.string({ maxLength: 80 }),
        fc.constant(null),
        hostileText(80),
      ),
      pspReference: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), hostileText()),
      name: fc.oneof(
        fc.constantFrom('AUTHORIZED', 'CAPTURED', 'ABORTED'),
        fc.string({ maxLength: 50 }),
        hostileText(50),
      ),
      amount: fc.oneof(
        fc.record({ currency: fc.constantFrom('NOK', 'NOKK'), value: fc.oneof(fc.integer(), fc.double()) }),
        junkBody,
      ),
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
      idempotencyKey: fc.oneof(fc.constant(null), fc.string({ maxLength: 120 }), hostileText(120)),
      success: fc.oneof(fc.boolean(), fc.constant('true')),
    },
    { requiredKeys: [] },
  )
  .map((event) => JSON.stringify(event));

const body = fc.oneof(junkBody, eventBody);

const VALID_EVENT = {
  msn: '123456',
  reference: 'fuzz-unstorable-0001',
  pspReference: '1',
  name: 'AUTHORIZED',
  amount: { currency: 'NOK', value: 100 },
  timestamp: new Date().toISOString(),
  idempotencyKey: 'key-1',
  success: true,
};
type TextField = 'msn' | 'reference' | 'pspReference' | 'name' | 'timestamp' | 'idempotencyKey';
const TEXT_FIELDS: TextField[] = ['msn', 'reference', 'pspReference', 'name', 'timestamp', 'idempotencyKey'];

/** A valid event but for one string field (the currency too), which holds a NUL or a lone surrogate. */
const unstorableEvent = fc
  .tuple(fc.constantFrom<TextField | 'currency'>(...TEXT_FIELDS, 'currency'), fc.string({ maxLength: 12 }))
  .chain(([field, base]) =>
    unstorableVariantOf(fc.constant(field === 'currency' ? 'NOK' : base || String(VALID_EVENT[field]))).map((bad) =>
      JSON.stringify(
        field === 'currency'
          ? { ...VALID_EVENT, amount: { ...VALID_EVENT.amount, currency: bad } }
          : { ...VALID_EVENT, [field]: bad },
      ),
    ),
  );

describe('POST /api/webhooks/vipps, fuzzed', FUZZ_TIMEOUT, () => {
  it('generated bodies, unsigned and signed: never 5xx; refused ones store nothing', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      fc.tuple(body, fc.boolean()).map(([raw, sign]) => delivery(raw, sign ? signed(raw) : {})),
    );
    expect(statuses.get(401)).toBeGreaterThan(300);
    expect(statuses.get(400)).toBeGreaterThan(100);
    pendingAfterTasks.length = 0; // the accepted ones would read unknown payments; not this test's subject
  });

  it('signed events with a NUL or a lone surrogate in one field: every one a 400 problem, kept as refused', async () => {
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      unstorableEvent.map((raw) => delivery(raw, signed(raw))),
      300,
    );
    expect([...statuses.keys()]).toEqual([400]);
  });

  it('generated headers over a signed delivery: a changed signing header is refused', async () => {
    const raw = JSON.stringify({
      msn: '123456',
      reference: 'fuzz-headers-0001',
      pspReference: '1',
      name: 'CREATED',
      amount: { currency: 'NOK', value: 100 },
      timestamp: new Date().toISOString(),
      idempotencyKey: null,
      success: true,
    });
    const statuses = await assertRouteHolds(
      getWorld().handle.db,
      POST,
      // Generated headers win over the signed ones, so host, date, hash and authorization are all varied.
      headers.map((h) => delivery(raw, { ...signed(raw), ...h })),
    );
    expect(statuses.get(401)).toBeGreaterThan(0);
    pendingAfterTasks.length = 0;
  });

  it('generated query strings: only the registered URL is signed, so the query changes nothing', async () => {
    await assertRouteHolds(
      getWorld().handle.db,
      POST,
      fc
        .tuple(queryString, body, fc.boolean())
        .map(([query, raw, sign]) => delivery(raw, sign ? signed(raw) : {}, query)),
    );
    pendingAfterTasks.length = 0;
  });
});
