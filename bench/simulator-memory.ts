/**
 * Heap of one simulator over a long run that nobody resets, which must stay bounded. Prints figures; asserts nothing
 * (the bounds themselves are tested in simulator/test/core/bounded-stores.test.ts).
 *
 *   node --expose-gc --import tsx bench/simulator-memory.ts [payments=10000] [maxPayments=1000]
 *
 * 1. 20 bad creates of ~900 kB each (a 400 each): before the fix the idempotency store kept every body.
 * 2. `payments` × (create, force approve, capture) in-process, heap printed every tenth.
 */
import { createSimulator } from '@fjellbutikken/vipps-simulator';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';

const payments = Number(process.argv[2] ?? 10_000);
const maxPayments = Number(process.argv[3] ?? 1_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/simulator-memory.ts');

const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function main() {
  const sim = createSimulator({ logLevel: 'silent', maxPayments, maxIdempotencyKeys: 2 * maxPayments });
  const tokenRes = await sim.app.request('/accesstoken/get', {
    method: 'POST',
    headers: {
      client_id: SIMULATOR_CREDENTIALS.clientId,
      client_secret: SIMULATOR_CREDENTIALS.clientSecret,
      'Ocp-Apim-Subscription-Key': SIMULATOR_CREDENTIALS.subscriptionKey,
    },
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const post = (path: string, body: unknown, key?: string) =>
    sim.app.request(path, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Ocp-Apim-Subscription-Key': SIMULATOR_CREDENTIALS.subscriptionKey,
        'Merchant-Serial-Number': SIMULATOR_CREDENTIALS.msn,
        'Content-Type': 'application/json',
        ...(key && { 'Idempotency-Key': key }),
      },
      body: JSON.stringify(body),
    });
  const create = (reference: string, extra: Record<string, unknown> = {}) => ({
    amount: { currency: 'NOK', value: 24900 },
    paymentMethod: { type: 'WALLET' },
    reference,
    userFlow: 'WEB_REDIRECT',
    returnUrl: 'https://shop.example/return',
    ...extra,
  });

  const start = heapMb();
  for (let i = 0; i < 20; i++) {
    const res = await post(
      '/epayment/v1/payments',
      create(`bad-body-${i}-x`, { returnUrl: 'ftp://'.padEnd(900_000, 'x') }),
      `bad-${i}`,
    );
    if (res.status !== 400) throw new Error(`bad create ${i}: ${res.status}`);
  }
  console.log(`20 bad ~900 kB creates: heap ${start.toFixed(1)} → ${heapMb().toFixed(1)} MB`);

  const t0 = performance.now();
  const every = Math.max(1, Math.floor(payments / 10));
  for (let i = 1; i <= payments; i++) {
    const reference = `mem-${String(i).padStart(7, '0')}`;
    await post('/epayment/v1/payments', create(reference), `c-${i}`);
    await post(`/epayment/v1/test/payments/${reference}/approve`, {});
    await post(
      `/epayment/v1/payments/${reference}/capture`,
      { modificationAmount: { currency: 'NOK', value: 24900 } },
      `k-${i}`,
    );
    if (i % every === 0) {
      console.log(
        `${String(i).padStart(6)} payments: heap ${heapMb().toFixed(1)} MB, stored payments ${sim.store.size}, idempotency keys ${sim.idempotency.size}`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${payments} payments × 3 calls in ${seconds.toFixed(1)} s (${((3 * payments) / seconds).toFixed(0)} calls/s)`,
  );
  await sim.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
