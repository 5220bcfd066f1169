// The per-attempt transport details that only show with a real socket or a non-compliant fetch: redirects,
// and a server that sends headers and then stalls the body.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { VippsOutcomeUnknownError, VippsResponseError } from '@/lib/server/vipps/errors';
import { AMOUNT, json, rejection, scriptedFetch, testClient, tokenResponse } from './support';

const REF = 'order-12345678';
const servers: Server[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('attempt transport', () => {
  it('never follows a redirect: no body or subscription key reaches another host, outcome unknown', async () => {
    const elsewhere: IncomingHttpHeaders[] = [];
    const otherHost = await listen((req, res) => {
      elsewhere.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const vipps = await listen((req, res) => {
      if (req.url === '/accesstoken/get') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'eyJ.tok.sig', expires_in: '3600' }));
        return;
      }
      res.writeHead(307, { location: `${otherHost}/steal` }).end(); // another origin (port)
    });
    const { client } = testClient((request) => fetch(request), { baseUrl: vipps });

    const read = await rejection(client.getPayment(REF));
    const capture = await rejection(client.capturePayment(REF, AMOUNT, { idempotencyKey: 'cap-1' }));

    expect(elsewhere).toEqual([]);
    for (const error of [read, capture]) {
      expect(error).toBeInstanceOf(VippsResponseError);
      expect(error).toMatchObject({ outcome: 'unknown', status: 307 });
    }
  });

  it('times out a body that stalls after the headers, with real fetch', async () => {
    const vipps = await listen((req, res) => {
      if (req.url === '/accesstoken/get') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'eyJ.tok.sig', expires_in: '3600' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"reference":'); // …and never finishes
    });
    const { client } = testClient((request) => fetch(request), {
      baseUrl: vipps,
      requestTimeoutMs: 100,
      retryPolicy: { maxAttempts: 2 },
    });

    const error = await rejection(client.getPayment(REF));

    expect(error).toBeInstanceOf(VippsOutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'timeout', attempts: 2 });
  });

  it('times out a stalled body even when the fetch in use ignores the abort signal for the body', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"reference":'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const stub = scriptedFetch([stalled, () => json(200, { reference: REF })], () => tokenResponse());
    const { client } = testClient(stub.fetch, { requestTimeoutMs: 50 });

    await expect(client.createPayment(createBody(), { idempotencyKey: 'create-1' })).resolves.toEqual({
      reference: REF,
    });
    expect(stub.calls).toHaveLength(2);
  });
});

function createBody() {
  return {
    amount: AMOUNT,
    paymentMethod: { type: 'WALLET' as const },
    reference: REF,
    userFlow: 'WEB_REDIRECT' as const,
    returnUrl: 'https://shop.example/return',
  };
}
