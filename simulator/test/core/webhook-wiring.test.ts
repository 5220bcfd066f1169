// Every payment event is published to the webhooks module (BRIEF §8): registration through the API behind the
// gateway checks, delivery of the same events the event log shows, and reset.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestSimulator, type SimApi } from '../support/sim-client';

interface Delivered {
  name: string;
  reference: string;
  pspReference: string;
  success: boolean;
  amount: { value: number };
  captureGuaranteedUntil?: string;
}

let api: SimApi;
const received: Delivered[] = [];
const receiver = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivered);
    res.writeHead(200).end();
  });
});
let receiverUrl = '';

beforeAll(async () => {
  api = await startTestSimulator();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/vipps/webhooks`;
});
afterAll(async () => {
  await api.running.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await api.reset();
  received.length = 0;
});

const ALL_EVENTS = [
  'created',
  'aborted',
  'expired',
  'cancelled',
  'captured',
  'refunded',
  'authorized',
  'terminated',
].map((name) => `epayments.payment.${name}.v1`);

async function register() {
  const res = await api.request<{ id: string; secret: string }>('webhooks', 'POST', '/webhooks/v1/webhooks', {
    headers: await api.apiHeaders(),
    body: { url: receiverUrl, events: ALL_EVENTS },
  });
  expect(res.status).toBe(201);
}

describe('webhook wiring', () => {
  it('delivers the same events as the event log, in order, failed modifications included', async () => {
    await register();
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 400);
    await api.capture(ref, 5000); // refused: logged and published with success:false
    await api.cancel(ref);
    const log = (await api.events(ref)).body;
    await vi.waitFor(() => expect(received).toHaveLength(log.length), { timeout: 20_000, interval: 20 });
    expect(received.map((e) => [e.name, e.pspReference, e.success])).toEqual(
      log.map((e) => [e.name, e.pspReference, e.success]),
    );
    expect(received.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED', 'CAPTURED', 'CANCELLED']);
    expect(received[3]?.success).toBe(false);
  });

  it("the authorized webhook carries captureGuaranteedUntil, equal to GetPayment's; other events do not", async () => {
    await register();
    const ref = await api.authorizedPayment(1000);
    await api.capture(ref, 1000);
    await vi.waitFor(() => expect(received).toHaveLength(3), { timeout: 20_000, interval: 20 });
    const { captureGuaranteedUntil } = (await api.get(ref)).body;
    expect(captureGuaranteedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(received.map((e) => [e.name, e.captureGuaranteedUntil])).toEqual([
      ['CREATED', undefined],
      ['AUTHORIZED', captureGuaranteedUntil],
      ['CAPTURED', undefined],
    ]);
  });

  it('publishes EXPIRED from a clock advance and TERMINATED from a cancel in CREATED', async () => {
    await register();
    const expiring = await api.createPayment();
    const terminated = await api.createPayment();
    await api.cancel(terminated);
    await api.advanceClock(600);
    await vi.waitFor(() => expect(received).toHaveLength(4), { timeout: 20_000, interval: 20 });
    expect(received.filter((e) => e.reference === expiring).map((e) => e.name)).toEqual(['CREATED', 'EXPIRED']);
    expect(received.filter((e) => e.reference === terminated).map((e) => e.name)).toEqual(['CREATED', 'TERMINATED']);
  });

  it('reset forgets webhook registrations', async () => {
    await register();
    await api.reset();
    const list = await api.request<{ webhooks: unknown[] }>('webhooks', 'GET', '/webhooks/v1/webhooks', {
      headers: await api.apiHeaders(),
    });
    expect(list.body.webhooks).toEqual([]);
  });
});
