// A property-style sweep: random nested bodies with secrets and phone numbers planted anywhere, in any shape.
// Whatever the shape, none may reach a stored row, which staff can read.
import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_BODY_CHARS, redactBodyText, redactExchange } from '@/lib/server/api-log/redact';
import { createApiLogRecorder } from '@/lib/server/api-log/recorder';
import type { Db } from '@/lib/server/db/core';
import type { VippsExchange } from '@/lib/server/vipps/exchange';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';

const CONFIGURED = [
  SIMULATOR_CREDENTIALS.clientId,
  SIMULATOR_CREDENTIALS.clientSecret,
  SIMULATOR_CREDENTIALS.subscriptionKey,
];
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzaW0ifQ.c2lnbmF0dXJlLXBhcnQ';
const OPAQUE_TOKEN = 'opaque-access-token-7f3a9c1e2b';
const WEBHOOK_SECRET = 'whsec-A0+AeKBRG2KRGvnNwJpQlb6IJFk48CKX';
const PHONES = ['4791234567', '+4791234567', '+47 912 34 567', '4798765432', '91234567', '4512345678'];
/** What must never appear: each secret, each phone as written and as bare digits. */
const FORBIDDEN = [
  ...CONFIGURED,
  ACCESS_TOKEN,
  OPAQUE_TOKEN,
  WEBHOOK_SECRET,
  ...PHONES,
  ...PHONES.map((p) => p.replace(/\D/g, '')),
];

/** Deterministic (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN_KEYS = [
  'data',
  'items',
  'details',
  'note',
  'metadata',
  'message',
  'info',
  'extra',
  'payload',
  'x',
  'list',
  'description',
];
const SECRET_KEYS = [
  'access_token',
  'accessToken',
  'secret',
  'client_secret',
  'Authorization',
  'token',
  'password',
  'Ocp-Apim-Subscription-Key',
];
const PHONE_KEYS = ['phoneNumber', 'msisdn', 'phone', 'mobileNumber'];

function plant(random: () => number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const phone = pick(PHONES);
  const choices: (() => unknown)[] = [
    () => pick(CONFIGURED),
    () => `prefix ${pick(CONFIGURED)} suffix`,
    () => ACCESS_TOKEN,
    () => `Bearer ${ACCESS_TOKEN}`,
    () => OPAQUE_TOKEN,
    () => WEBHOOK_SECRET,
    () => phone,
    () => `ring ${phone} i dag`,
    () => Number(phone.replace(/\D/g, '')),
    () => 'harmless text',
    () => 42,
  ];
  return pick(choices)();
}

function randomBody(random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  if (depth > 3 || random() < 0.25) return plant(random);
  if (random() < 0.3) return Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomBody(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
    const roll = random();
    const key = roll < 0.6 ? pick(PLAIN_KEYS) : roll < 0.8 ? pick(SECRET_KEYS) : pick(PHONE_KEYS);
    object[`${key}`] = randomBody(random, depth + 1);
  }
  return object;
}

function assertClean(stored: string) {
  for (const forbidden of FORBIDDEN) expect(stored, `leaked ${forbidden}`).not.toContain(forbidden);
}

describe('no secret, token or full phone number reaches a stored row, whatever the body shape', () => {
  const secrets = [...CONFIGURED, OPAQUE_TOKEN, WEBHOOK_SECRET];

  it('holds for 500 random JSON bodies, as request, response and text', () => {
    const random = prng(20261202);
    for (let i = 0; i < 500; i++) {
      const body = JSON.stringify(randomBody(random));
      const row = redactExchange(
        {
          operation: 'createPayment',
          method: 'POST',
          path: '/epayment/v1/payments',
          attempt: 1,
          startedAt: 0,
          durationMs: 1,
          requestBody: body,
          responseBody: body,
          status: 400,
          error: { reason: 'network', message: body },
        },
        { secrets },
      );
      assertClean(JSON.stringify(row));
      // The same text as a non-JSON body (an HTML error page, a proxy's answer).
      assertClean(redactBodyText(`<pre>${body}</pre>`, { secrets }) ?? '');
    }
  });

  it('the recorder learns tokens and webhook secrets from answers, so an echo elsewhere is redacted too', async () => {
    const inserted: unknown[] = [];
    const db = { insert: () => ({ values: (rows: unknown[]) => Promise.resolve(void inserted.push(...rows)) }) };
    const recorder = createApiLogRecorder({ db: db as unknown as Db, log: { warn: () => {} }, secrets: CONFIGURED });
    const base = { method: 'POST', attempt: 1, startedAt: 0, durationMs: 1, status: 200 } as const;
    const token: VippsExchange = {
      ...base,
      operation: 'token',
      path: '/accesstoken/get',
      responseBody: JSON.stringify({ access_token: OPAQUE_TOKEN }),
    };
    const hook: VippsExchange = {
      ...base,
      operation: 'registerWebhook',
      path: '/webhooks/v1/webhooks',
      responseBody: JSON.stringify({ id: 'h', secret: WEBHOOK_SECRET }),
    };
    const echo: VippsExchange = {
      ...base,
      operation: 'getPayment',
      path: '/epayment/v1/payments/ref-1',
      status: 500,
      responseBody: JSON.stringify({ detail: `token ${OPAQUE_TOKEN} and ${WEBHOOK_SECRET}` }),
    };
    for (const e of [token, hook, echo]) recorder.record(e);
    await recorder.flush();
    expect(inserted).toHaveLength(3);
    assertClean(JSON.stringify(inserted));
  });

  it('scans a hostile 64 kB body in linear time (a forged webhook cannot stall the receiver)', () => {
    for (const unit of ['x', '1 ', 'eyJ', 'a@', 'token ', 'a.', '@a.', 'Bearer ']) {
      const hostile = unit.repeat(Math.ceil(65_536 / unit.length));
      const started = performance.now();
      const out = redactBodyText(hostile)!;
      expect(performance.now() - started).toBeLessThan(500);
      expect(out.length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 60);
    }
  });
});
