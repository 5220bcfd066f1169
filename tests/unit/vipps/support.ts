// Test doubles for the Vipps client: a scripted fetch, a fake clock and a capturing logger.
import type { VippsClientConfig } from '@/lib/server/vipps/config';
import { createVippsClient, type VippsClientDeps } from '@/lib/server/vipps/client';

export const TEST_CONFIG: VippsClientConfig = {
  baseUrl: 'https://apitest.vipps.no',
  clientId: 'test-client-id-0000',
  clientSecret: 'TEST-CLIENT-SECRET-s3cr3t==',
  subscriptionKey: 'TEST-SUBSCRIPTION-KEY-abc123',
  merchantSerialNumber: '123456',
  systemName: 'acme-shop',
  systemVersion: '0.1.0',
  pluginName: 'vipps-epayment-demo-shop',
  pluginVersion: '0.1.0',
  requestTimeoutMs: 1_000,
  retryDeadlineMs: 30_000,
  allowForceApprove: true,
};

export interface RecordedRequest {
  request: Request;
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array | undefined;
}

type Handler = (request: Request) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problem(status: number, code?: string, extra: Record<string, unknown> = {}): Response {
  return json(
    status,
    {
      type: `https://httpstatuses.io/${status}`,
      title: 'Capture amount too high',
      detail: 'The amount you tried to capture is higher than the reserved amount.',
      status,
      traceId: `00-trace-${status}-01`,
      ...(code ? { extraDetails: [{ name: 'ErrorCode', reason: code }] } : {}),
      ...extra,
    },
    { 'content-type': 'application/problem+json' },
  );
}

let tokenCounter = 0;
export function tokenResponse(overrides: Record<string, unknown> = {}): Response {
  tokenCounter += 1;
  return json(200, {
    token_type: 'Bearer',
    expires_in: '3600',
    ext_expires_in: '0',
    expires_on: '1495271273',
    not_before: '1495184574',
    resource: '00000002-0000-0000-c000-000000000000',
    access_token: `eyJ.TEST-ACCESS-TOKEN-${tokenCounter}.sig`,
    ...overrides,
  });
}

/**
 * A fetch that answers `/accesstoken/get` from `tokenHandler` and everything else from a queue of
 * handlers (the last one repeats), recording every request with its body bytes.
 */
export function scriptedFetch(apiHandlers: Handler[], tokenHandler: Handler = () => tokenResponse()) {
  const calls: RecordedRequest[] = [];
  const tokenCalls: RecordedRequest[] = [];
  let index = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
    const url = new URL(request.url);
    const recorded = { request, url, method: request.method, headers: request.headers, body };
    if (url.pathname === '/accesstoken/get') {
      tokenCalls.push(recorded);
      return tokenHandler(request);
    }
    calls.push(recorded);
    const handler = apiHandlers[Math.min(index, apiHandlers.length - 1)];
    index += 1;
    if (!handler) throw new Error('no handler scripted');
    return handler(request);
  };
  return { fetch, calls, tokenCalls };
}

export function fakeClock(start = Date.parse('2025-01-15T10:00:00Z')) {
  const clock = { t: start, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
      return Promise.resolve();
    },
  };
}

export function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const push = (level: string) => (obj: object, msg: string) => lines.push({ level, msg, ...obj });
  return { lines, logger: { info: push('info'), warn: push('warn') } };
}

/** A client over a scripted fetch, fake clock, fixed randomness and a capturing logger. */
export function testClient(
  fetch: VippsClientDeps['fetch'],
  config: Partial<VippsClientConfig> = {},
  clock = fakeClock(),
) {
  const log = captureLogger();
  const client = createVippsClient(
    { ...TEST_CONFIG, ...config },
    { fetch, now: clock.now, sleep: clock.sleep, random: () => 0.5, logger: log.logger },
  );
  return { client, clock: clock.clock, log };
}

export const AMOUNT = { currency: 'NOK', value: 10_000 } as const;

export function modificationBody(reference = 'order-12345678') {
  const zero = { currency: 'NOK', value: 0 };
  return {
    amount: { currency: 'NOK', value: 49_900 },
    state: 'AUTHORIZED',
    aggregate: {
      authorizedAmount: { currency: 'NOK', value: 49_900 },
      cancelledAmount: zero,
      capturedAmount: { currency: 'NOK', value: 10_000 },
      refundedAmount: zero,
    },
    pspReference: 'psp-1',
    reference,
  };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** BRIEF §8 webhook test vector (checked with Python by the brief's author). */
export const WEBHOOK_VECTOR = {
  secret: 'A0+AeKBRG2KRGvnNwJpQlb6IJFk48CKXCIcrLoHncVJKDILsQSxS6NWCccwWm6r6FhGKhiHTBsG2wo/xU6FY/A==',
  url: 'https://webhook.site/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63',
  body: '{"some-unique-content":"ee6e441b-cc4a-46f8-895d-a5af79bcc233/hello-world"}',
  date: 'Thu, 30 Mar 2023 08:38:32 GMT',
};
