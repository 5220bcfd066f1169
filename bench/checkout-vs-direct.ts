// Step 3: the checkout POST against the create-payment call it makes, sent directly.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createPaymentBody } from '../lib/server/orders/create-payment-body';
import { CHECKOUT_SAMPLES, CHECKOUT_WARMUP } from './config';
import { median, quantile } from './stats';
import { simulatorClient } from './sim-client';
import { checkout, type World } from './world';

export async function checkoutVsDirect(world: World) {
  const client = simulatorClient(world.sim.url);
  // The same body the shop sends for this cart (receipt lines and all), so only the shop's own work differs.
  const direct = async (i: number) => {
    const reference = `bench-direct-${randomUUID().slice(0, 8)}-${i}`;
    await client.createPayment(
      createPaymentBody({
        reference,
        orderNumber: `B${i}`,
        currency: 'NOK',
        totalOre: 24900,
        lines: [
          {
            position: 1,
            sku: 'fjord-mug',
            name: 'Fjord enamel mug',
            quantity: 1,
            unitPriceOre: 24900,
            totalOre: 24900,
            vatPercent: 25,
            vatOre: 4980,
          },
        ],
        publicBaseUrl: world.app.url,
      }),
      { idempotencyKey: randomUUID() },
    );
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  for (let i = 0; i < CHECKOUT_WARMUP; i++) {
    await checkout(world);
    await direct(-i - 1);
  }
  const bare = async () => {
    const response = await fetch(`${world.appUrl}/api/bench/bare`);
    await response.json();
  };
  const sample = async (samples: number, from: number) => {
    const shop: number[] = [];
    const raw: number[] = [];
    const floor: number[] = [];
    for (let i = from; i < from + samples; i++) {
      // Interleaved, in the same order each time, so drift in the machine's load hits all three alike.
      await timed(() => checkout(world)).then((ms) => shop.push(ms));
      await timed(() => direct(i)).then((ms) => raw.push(ms));
      await timed(bare).then((ms) => floor.push(ms));
    }
    return { shop, raw, floor };
  };
  const { shop, raw, floor } = await sample(CHECKOUT_SAMPLES, 0);
  // Context, not the target: the simulator sends each new payment's CREATED webhook at once, so the app receives
  // it while it is still finishing the checkout that caused it. Dropped here, for both kinds of create alike.
  const quiet = Math.ceil(CHECKOUT_SAMPLES / 2);
  await world.control.webhooks.faults.add({ kind: 'drop', count: 4 * quiet, eventName: 'CREATED' });
  const withoutWebhooks = await sample(quiet, CHECKOUT_SAMPLES).finally(() => world.control.webhooks.faults.clear());
  return {
    shop: median(shop),
    direct: median(raw),
    bare: median(floor),
    shopP90: quantile(shop, 0.9),
    directP90: quantile(raw, 0.9),
    withoutWebhooks: {
      samples: quiet,
      shop: median(withoutWebhooks.shop),
      direct: median(withoutWebhooks.raw),
      bare: median(withoutWebhooks.floor),
    },
  };
}
