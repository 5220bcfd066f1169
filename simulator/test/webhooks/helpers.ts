// Test support for the webhooks tests: a real local HTTP receiver, an independent signature check,
// and a Hono app mounting the service the way the core does.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';
import { createWebhookService, type PublishedEvent, type WebhookServiceOptions } from '../../src/webhooks';
import { expectResponseMatchesSpec } from '../support/openapi';

export const MSN: string = SIMULATOR_CREDENTIALS.msn;
export const OTHER_MSN = '654321';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Received, res: ServerResponse) => void;

export async function startReceiver(initial: Handler = (_req, res) => res.writeHead(200).end()) {
  const received: Received[] = [];
  let handler = initial;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hooks/vipps') => `http://127.0.0.1:${port}${path}`,
    received,
    names: () => received.map((r) => (JSON.parse(r.body) as PublishedEvent).name),
    refs: () => received.map((r) => (JSON.parse(r.body) as PublishedEvent).reference),
    setHandler: (h: Handler) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Verification written from BRIEF §8 independently of src/webhooks/signer.ts. */
export function verifySignature(secret: string, url: string, r: Received): boolean {
  const date = String(r.headers['x-ms-date']);
  const hash = createHash('sha256').update(Buffer.from(r.body, 'utf8')).digest('base64');
  if (r.headers['x-ms-content-sha256'] !== hash) return false;
  const u = new URL(url);
  const toSign = ['POST', `${u.pathname}${u.search}`, `${date};${String(r.headers.host)};${hash}`].join('\n');
  const sig = createHmac('sha256', secret).update(toSign).digest('base64');
  const expected = Buffer.from(`HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sig}`);
  const actual = Buffer.from(String(r.headers.authorization));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function makeSim(opts: Partial<WebhookServiceOptions> = {}) {
  const clock = { now: new Date('2024-05-01T10:00:00.000Z') };
  const service = createWebhookService({
    now: () => clock.now,
    acceptedMsns: [MSN, OTHER_MSN],
    retryDelaysMs: [60_000, 60_000, 60_000, 60_000, 60_000], // tests drive retries with POST /retry-now
    ...opts,
  });
  const app = new Hono();
  app.route('/webhooks/v1', service.api);
  app.route('/_sim/webhooks', service.control);

  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  /**
   * Calls the Webhooks API and checks every response against webhooks-api.swagger.yaml (statuses the
   * spec does not declare, 403/404, are checked against ProblemDetails by the helper).
   */
  const api = async (method: string, path: string, body?: unknown, msn: string | null = MSN) => {
    const res = await call(method, path, body, msn === null ? {} : { 'merchant-serial-number': msn });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    expectResponseMatchesSpec('webhooks', method, path, res.status, parsed);
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: parsed as Record<string, unknown>,
    };
  };

  return {
    service,
    clock,
    app,
    call,
    api,
    json,
    async register(url: string, events: string[], msn = MSN) {
      const res = await api('POST', '/webhooks/v1/webhooks', { url, events }, msn);
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; secret: string };
    },
    async deliveries(reference?: string) {
      const q = reference === undefined ? '' : `?reference=${encodeURIComponent(reference)}`;
      return (await json<{ deliveries: DeliveryView[] }>(await call('GET', `/_sim/webhooks/deliveries${q}`)))
        .deliveries;
    },
    async retryNow(query = '') {
      return json<{ retried: number }>(await call('POST', `/_sim/webhooks/retry-now${query}`));
    },
    async fault(body: Record<string, unknown>) {
      const res = await call('POST', '/_sim/webhooks/faults', body);
      if (res.status !== 201) throw new Error(`fault failed: ${res.status} ${await res.text()}`);
    },
  };
}

export interface DeliveryView {
  id: string;
  registrationId: string;
  url: string;
  event: string;
  name: string;
  reference: string;
  state: string;
  fault: string | null;
  note: string | null;
  body: string;
  attempts: { at: string; status?: number; error?: string; ms: number }[];
  nextAttemptInMs: number | null;
}

let seq = 0;
export function paymentEvent(name: PublishedEvent['name'], reference: string, over: Partial<PublishedEvent> = {}) {
  seq += 1;
  return {
    msn: MSN,
    reference,
    pspReference: `psp-${seq}`,
    name,
    amount: { currency: 'NOK', value: 35000 },
    timestamp: '2024-05-01T10:00:00.000Z',
    idempotencyKey: null,
    success: true,
    ...over,
  } satisfies PublishedEvent;
}

export const ALL_EPAYMENT_EVENTS = [
  'epayments.payment.created.v1',
  'epayments.payment.aborted.v1',
  'epayments.payment.expired.v1',
  'epayments.payment.cancelled.v1',
  'epayments.payment.captured.v1',
  'epayments.payment.refunded.v1',
  'epayments.payment.authorized.v1',
  'epayments.payment.terminated.v1',
];
