/**
 * Latency of our Vipps client against raw `fetch` on the same simulator, and the simulator's throughput under
 * concurrent checkouts. Prints figures and ratios; asserts nothing (timing goals live here, not in tests).
 *
 *   npx tsx bench/client-overhead.ts [iterations=300] [concurrency=50]
 */
import { performance } from 'node:perf_hooks';
import { simulatorClient } from './sim-client';
import { startSimulator } from '@fjellbutikken/vipps-simulator';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';

const iterations = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 50);
const { msn, ...credentials } = SIMULATOR_CREDENTIALS;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main() {
  // A load test: 300 reads of one reference would pass Vipps' 120 per minute, so the limits are off here.
  const sim = await startSimulator({
    port: 0,
    logLevel: 'silent',
    ...credentials,
    paymentTimeoutSeconds: 3600,
    rateLimits: false,
  });
  const client = simulatorClient(sim.url, { allowForceApprove: true });
  const create = (reference: string) =>
    client.createPayment(
      {
        reference,
        amount: { currency: 'NOK', value: 24900 },
        paymentMethod: { type: 'WALLET' },
        userFlow: 'WEB_REDIRECT',
        returnUrl: 'http://localhost:3000/return',
        paymentDescription: 'Benchmark',
      },
      { idempotencyKey: `bench-${reference}` },
    );

  const reference = 'bench-reference-0001';
  await create(reference); // also warms the token cache
  const tokenResponse = await fetch(`${sim.url}/accesstoken/get`, {
    method: 'POST',
    headers: {
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      'Ocp-Apim-Subscription-Key': credentials.subscriptionKey,
    },
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const rawHeaders = {
    Authorization: `Bearer ${token}`,
    'Ocp-Apim-Subscription-Key': credentials.subscriptionKey,
    'Merchant-Serial-Number': msn,
  };

  const raw = stats(
    await time(iterations, async () => {
      const response = await fetch(`${sim.url}/epayment/v1/payments/${reference}`, { headers: rawHeaders });
      await response.json();
    }),
  );
  const viaClient = stats(await time(iterations, () => client.getPayment(reference)));

  const burstStart = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => create(`bench-burst-${Date.now()}-${i}`)));
  const burstMs = performance.now() - burstStart;

  await sim.close();
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`getPayment x${iterations} on the simulator (sequential)`);
  console.log(`  raw fetch     median ${f(raw.median)}  p95 ${f(raw.p95)}`);
  console.log(`  our client    median ${f(viaClient.median)}  p95 ${f(viaClient.p95)}`);
  console.log(`  ratio client/raw (median) ${(viaClient.median / raw.median).toFixed(2)}`);
  console.log(
    `${concurrency} concurrent createPayment calls: ${f(burstMs)} total, ${((concurrency / burstMs) * 1000).toFixed(0)}/s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
