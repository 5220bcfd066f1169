// Runs the Vipps ePayment quick start against an in-process simulator with the shop's own
// client and body builders, and returns every HTTP exchange redacted, for docs/epayment-walkthrough.md.
// `scripts/walkthrough-capture.ts` writes the result; tests/integration/docs-walkthrough.test.ts compares it with
// the recorded one. Nothing here talks to a database: the steps are the calls the orders module makes.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '@fjellbutikken/vipps-simulator';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { REDACTED, removeKnownSecrets, scrubText } from '../../lib/server/api-log/mask';
import { redactBodyText, redactExchange } from '../../lib/server/api-log/redact';
import { SEED_PRODUCTS } from '../../lib/server/catalogue/products';
import { createPaymentBody } from '../../lib/server/orders/create-payment-body';
import { priceCart } from '../../lib/server/orders/pricing';
import { createKeyFor, newPaymentReference, orderNumberFor } from '../../lib/server/orders/references';
import { WEBHOOK_PATH, webhookUrlFor } from '../../lib/server/webhooks/registration';
import { createVippsClient } from '../../lib/server/vipps/client';
import { PLUGIN_NAME } from '../../lib/server/vipps/config';
import type { VippsExchange } from '../../lib/server/vipps/exchange';
import { EPAYMENT_WEBHOOK_EVENTS } from '../../lib/server/vipps/types';
import { verifyWebhook, webhookSigningTarget } from '../../lib/server/vipps/webhook-signature';
import packageJson from '../../package.json';

/** The shop's default PUBLIC_BASE_URL (README "Configuration"): the base of `returnUrl`. */
export const PUBLIC_BASE_URL = 'http://localhost:3000';
/** A placeholder number from BRIEF §9 (there is no fixed public test number); it appears masked. */
const SHOPPER_PHONE = '4791234567';
const RECEIVER_ANSWER = '{"received":true,"duplicate":false}';

export type StepId =
  | 'token'
  | 'webhook-list'
  | 'webhook-register'
  | 'create'
  | 'landing'
  | 'landing-next'
  | 'return'
  | 'get-payment'
  | 'capture'
  | 'refund'
  | 'cancel'
  | 'events'
  | 'webhook-delivery';

export interface RecordedMessage {
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else a short description (HTML pages), else null. */
  body: unknown;
}

export interface RecordedStep {
  id: StepId;
  /** Who sends the request: the shop's server, the shopper's browser, or Vipps (a webhook). */
  from: 'shop' | 'shopper' | 'vipps';
  request: RecordedMessage & { method: string; path: string };
  response: RecordedMessage & { status: number };
}

export interface Walkthrough {
  note: string;
  reference: string;
  steps: RecordedStep[];
  /** The event names of every webhook delivery the receiver got, in arrival order. */
  webhookEventsReceived: string[];
  /** What `verifyWebhook` (the shop's receiver check) said about the recorded delivery. */
  webhookVerified: boolean;
}

/** Response headers worth showing; the rest (date, content-length, keep-alive) only add noise. */
const SHOWN_RESPONSE_HEADERS = ['content-type', 'location', 'retry-after'];
/** Request headers that carry credentials: shown by name only. */
const CREDENTIAL_HEADERS = ['client_id', 'client_secret', 'ocp-apim-subscription-key'];

function shownRequestHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (CREDENTIAL_HEADERS.includes(name)) out[name] = REDACTED;
    else if (name === 'authorization') out[name] = value.replace(/^(\w+)\s.*$/, `$1 ${REDACTED}`);
    else out[name] = removeKnownSecrets(scrubText(value, { keepDigits: true }), secrets);
  });
  return out;
}

function shownResponseHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SHOWN_RESPONSE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = removeKnownSecrets(scrubText(value), secrets);
  }
  return out;
}

const parseBody = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

function htmlSummary(html: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? 'untitled';
  return `(HTML page "${title}", ${Buffer.byteLength(html)} bytes)`;
}

interface ReceivedDelivery {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The tiny webhook receiver: answers 200 to everything and keeps what came. */
async function startReceiver() {
  const received: ReceivedDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      // What app/api/webhooks/vipps/route.ts answers to a new, verified event.
      response.writeHead(200, { 'content-type': 'application/json' }).end(RECEIVER_ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`walkthrough: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function captureWalkthrough(): Promise<Walkthrough> {
  const sim = await startSimulator({ port: 0, logLevel: 'silent' });
  const receiver = await startReceiver();
  try {
    return await walk(sim.url, receiver);
  } finally {
    await receiver.close();
    await sim.close();
  }
}

async function walk(simUrl: string, receiver: Awaited<ReturnType<typeof startReceiver>>): Promise<Walkthrough> {
  // Values that must never reach the doc, wherever they turn up; tokens and secrets are added as they are seen.
  const secrets: string[] = [
    SIMULATOR_CREDENTIALS.clientId,
    SIMULATOR_CREDENTIALS.clientSecret,
    SIMULATOR_CREDENTIALS.subscriptionKey,
  ];
  const steps: RecordedStep[] = [];
  const pendingStepIds: StepId[] = [];
  /** Exchanges that did not fit the plan: the recording would not be the plain quick start, so it fails. */
  const surprises: string[] = [];
  /** What the client's injected fetch saw of the current attempt: the real headers, which the exchange omits. */
  let wire: { request: Headers; response?: Headers } | undefined;

  const onExchange = (exchange: VippsExchange) => {
    const id = pendingStepIds.shift();
    if (!id || !wire?.response || exchange.status === undefined) {
      // The client catches an observer's throw, so a surprise (a retry, a lost answer) is collected instead.
      surprises.push(`${exchange.method} ${exchange.path} attempt ${exchange.attempt} (${id ?? 'no step left'})`);
      return;
    }
    // Learn the secrets this answer carries before redacting it (the token, the webhook secret).
    const answer = parseBody(exchange.responseBody || null) as Record<string, unknown> | null;
    for (const key of ['access_token', 'secret']) {
      if (typeof answer?.[key] === 'string') secrets.push(answer[key]);
    }
    const row = redactExchange(exchange, { secrets });
    steps.push({
      id,
      from: 'shop',
      request: {
        method: row.method,
        path: row.path,
        headers: shownRequestHeaders(wire.request, secrets),
        body: parseBody(row.requestBody),
      },
      response: {
        status: exchange.status,
        headers: shownResponseHeaders(wire.response, secrets),
        body: parseBody(row.responseBody),
      },
    });
  };

  // The client exactly as lib/server/runtime/vipps-client.ts builds it, against the simulator.
  const vipps = createVippsClient(
    {
      baseUrl: simUrl,
      clientId: SIMULATOR_CREDENTIALS.clientId,
      clientSecret: SIMULATOR_CREDENTIALS.clientSecret,
      subscriptionKey: SIMULATOR_CREDENTIALS.subscriptionKey,
      merchantSerialNumber: SIMULATOR_CREDENTIALS.msn,
      systemName: 'vipps-epayment-demo-shop',
      systemVersion: packageJson.version,
      pluginName: PLUGIN_NAME,
      pluginVersion: packageJson.version,
      requestTimeoutMs: 10_000,
      retryDeadlineMs: 30_000,
      allowForceApprove: true,
      onExchange,
    },
    {
      fetch: async (request) => {
        wire = { request: new Headers(request.headers) };
        const response = await fetch(request);
        wire.response = response.headers;
        return response;
      },
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => Math.random(),
      logger: { info: () => undefined, warn: () => undefined },
    },
  );
  /** One client call, expecting exactly the given exchanges (the first call also fetches the token). */
  async function call<T>(ids: StepId[], run: () => Promise<T>): Promise<T> {
    pendingStepIds.push(...ids);
    const result = await run();
    if (pendingStepIds.length > 0 || surprises.length > 0) {
      throw new Error(`walkthrough: missing [${pendingStepIds.join(', ')}], unexpected [${surprises.join('; ')}]`);
    }
    return result;
  }

  // The shopper's browser on the simulator's own pages (not part of the Vipps API; no credentials).
  async function browse(id: StepId, url: string, init: RequestInit = {}) {
    const response = await fetch(url, { ...init, redirect: 'manual' });
    const text = await response.text();
    const clean = (value: string) => removeKnownSecrets(scrubText(value), secrets);
    const parsed = new URL(url);
    const requestHeaders = new Headers(init.headers);
    const isHtml = (response.headers.get('content-type') ?? '').includes('text/html');
    steps.push({
      id,
      from: 'shopper',
      request: {
        method: init.method ?? 'GET',
        path: clean(parsed.pathname + parsed.search),
        headers: shownRequestHeaders(requestHeaders, secrets),
        body: typeof init.body === 'string' ? clean(init.body) : null,
      },
      response: {
        status: response.status,
        headers: shownResponseHeaders(response.headers, secrets),
        body: text === '' ? null : isHtml ? htmlSummary(text) : clean(text),
      },
    });
    return response;
  }

  // 1. At start (lib/server/webhooks/registration.ts): list, then register our URL for every ePayment event.
  const webhookUrl = webhookUrlFor(receiver.baseUrl);
  await call(['token', 'webhook-list'], () => vipps.listWebhooks());
  const registration = await call(['webhook-register'], () =>
    vipps.registerWebhook({ url: webhookUrl, events: [...EPAYMENT_WEBHOOK_EVENTS] }),
  );

  // 2. Checkout (lib/server/orders/checkout.ts): priced from the catalogue, body and key as the order row holds them.
  const catalogue = SEED_PRODUCTS.map((p) => ({
    sku: p.sku,
    name: p.name,
    description: p.description,
    priceOre: p.priceOre,
    currency: p.currency ?? 'NOK',
    vatPercent: p.vatPercent ?? 25,
    imagePath: p.imagePath,
  }));
  const priced = priceCart(catalogue, [
    { sku: 'fjord-mug', quantity: 2 },
    { sku: 'brunost', quantity: 1 },
  ]);
  const orderNumber = orderNumberFor(1);
  const reference = newPaymentReference(orderNumber, 1);
  const body = createPaymentBody({
    ...priced,
    reference,
    orderNumber,
    phoneNumber: SHOPPER_PHONE,
    publicBaseUrl: PUBLIC_BASE_URL,
  });
  const created = await call(['create'], () => vipps.createPayment(body, { idempotencyKey: createKeyFor(reference) }));
  if (!created.redirectUrl) throw new Error('walkthrough: create answered without redirectUrl');

  // 3. The shopper follows redirectUrl to the landing page, confirms the number, and approves in "the app".
  const linkToken = new URL(created.redirectUrl).searchParams.get('token');
  if (!linkToken) throw new Error('walkthrough: redirectUrl has no token');
  secrets.push(linkToken);
  await browse('landing', created.redirectUrl);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const next = await browse('landing-next', `${simUrl}/landing/next`, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({ token: linkToken, phoneNumber: SHOPPER_PHONE }).toString(),
  });
  const appPath = next.headers.get('location');
  if (!appPath) throw new Error('walkthrough: landing/next did not redirect to the app');
  await browse('return', new URL(`${appPath}/approve`, simUrl).href, { method: 'POST', headers: form, body: '' });

  // 4. /return polls GET /api/payments/{reference}; the shop reads the payment from Vipps (orders/sync.ts).
  await call(['get-payment'], () => vipps.getPayment(reference));

  // 5. Staff move money (orders/move-money.ts): capture the two mugs, refund one, cancel the rest.
  const [mug, cheese] = priced.lines;
  if (!mug || !cheese) throw new Error('walkthrough: cart lines missing');
  const currency = body.amount.currency;
  await call(['capture'], () =>
    vipps.capturePayment(reference, { currency, value: mug.totalOre }, { idempotencyKey: `capture-${randomUUID()}` }),
  );
  await call(['refund'], () =>
    vipps.refundPayment(reference, { currency, value: mug.unitPriceOre }, { idempotencyKey: `refund-${randomUUID()}` }),
  );
  await call(['cancel'], () => vipps.cancelPayment(reference, { idempotencyKey: `cancel-${randomUUID()}` }));
  // 6. The event log, as "Check with Vipps" and the reconciler read it (orders/settle-operation.ts).
  await call(['events'], () => vipps.getPaymentEvents(reference));

  // 7. Vipps' signed deliveries: every event of the payment, in order; the AUTHORIZED one is recorded.
  const eventName = (d: ReceivedDelivery) => (JSON.parse(d.body) as { name?: string }).name ?? '?';
  const names = () => receiver.received.map(eventName);
  await waitFor(() => names().includes('CANCELLED'), 'the CANCELLED webhook');
  const authorized = receiver.received.find((d) => eventName(d) === 'AUTHORIZED');
  if (!authorized) throw new Error('walkthrough: no AUTHORIZED delivery');
  const target = webhookSigningTarget(receiver.baseUrl, WEBHOOK_PATH);
  const verdict = verifyWebhook({
    secret: registration.secret,
    method: authorized.method,
    ...target,
    headers: authorized.headers,
    rawBody: authorized.body,
    now: Date.now(),
  });
  const shownDeliveryHeaders: Record<string, string> = {};
  for (const name of ['host', 'content-type', 'x-ms-date', 'x-ms-content-sha256', 'authorization']) {
    const value = authorized.headers[name];
    if (typeof value === 'string') shownDeliveryHeaders[name] = removeKnownSecrets(value, secrets);
  }
  steps.push({
    id: 'webhook-delivery',
    from: 'vipps',
    request: {
      method: authorized.method,
      path: authorized.path,
      headers: shownDeliveryHeaders,
      body: parseBody(redactBodyText(authorized.body, { secrets })),
    },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.parse(RECEIVER_ANSWER) },
  });

  return {
    note: 'Generated by `npm run docs:walkthrough` (scripts/walkthrough-capture.ts). Do not edit by hand.',
    reference,
    steps,
    webhookEventsReceived: names(),
    webhookVerified: verdict.ok,
  };
}
