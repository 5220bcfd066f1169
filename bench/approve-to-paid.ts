// Step 4: approve → "paid" on /return, in Chromium, with and without webhooks.
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { BROWSER_SAMPLES } from './config';
import { median, sleep } from './stats';
import { checkout, type World } from './world';

export async function approveToPaid(world: World, browser: Browser) {
  const samples = { webhooks: [] as number[], polling: [] as number[] };
  const deliveries = { webhooks: new Map<string, number>(), polling: new Map<string, number>() };
  for (let i = 0; i < BROWSER_SAMPLES * 2; i++) {
    const mode = i % 2 === 0 ? 'webhooks' : 'polling';
    const { reference } = await checkout(world);
    if (mode === 'polling') {
      await world.control.webhooks.faults.add({ kind: 'drop', reference, eventName: 'AUTHORIZED' });
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.app.url}/return?reference=${reference}`);
    await page.getByTestId('payment-waiting').waitFor({ state: 'visible' });
    // A shopper approves at any moment of the page's 2 s polling rhythm, not just after a poll: a random wait.
    await sleep(Math.random() * 2000);
    const start = performance.now();
    await world.control.approve(reference);
    await page.getByTestId('payment-paid').waitFor({ state: 'visible', timeout: 30_000 });
    samples[mode].push(performance.now() - start);
    await context.close();
    const sent = await world.control.webhooks.deliveries({ reference });
    const state = sent.find((d) => d.name === 'AUTHORIZED')?.state ?? 'none';
    deliveries[mode].set(state, (deliveries[mode].get(state) ?? 0) + 1);
  }
  const describe = (m: Map<string, number>) => [...m].map(([state, n]) => `${n} ${state}`).join(', ');
  return {
    webhooks: median(samples.webhooks),
    polling: median(samples.polling),
    webhooksMax: Math.max(...samples.webhooks),
    pollingMax: Math.max(...samples.polling),
    webhookDeliveries: describe(deliveries.webhooks),
    pollingDeliveries: describe(deliveries.polling),
  };
}
