// A throwaway HTTP endpoint that records webhook deliveries, so tests can check signatures end to end.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookVerificationResult } from '@/lib/server/vipps/webhook-signature';

export interface Delivery {
  method: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  waitForDelivery(match: (d: Delivery) => boolean, timeoutMs?: number): Promise<Delivery>;
  verify(delivery: Delivery, target: { secret: string; host: string; url: string }): WebhookVerificationResult;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({
        method: req.method ?? '',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    async waitForDelivery(match, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const found = deliveries.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no matching webhook delivery within ${timeoutMs} ms (got ${deliveries.length})`);
    },
    verify(delivery, target) {
      return verifyWebhook({
        ...target,
        method: delivery.method,
        headers: delivery.headers,
        rawBody: delivery.rawBody,
        now: delivery.receivedAt,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
