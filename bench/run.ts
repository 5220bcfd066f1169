/**
 * `npm run bench` (issue 10 point 7; needs `npx next build` first). Runs every figure against a baseline
 * measured side by side in the same run, prints figure, target and PASS/MISS, and writes bench/RESULTS.md.
 *
 *   npm run bench [-- --db postgres|pglite] [--quick] [--out bench/RESULTS.md]
 *
 * One in-process simulator (rate limits off: this is a load test) and one `next start` of the built app
 * (tests/system/support/app-process.ts) on a throw-away PostgreSQL database (default; what a real deployment
 * uses, and PGlite would put every query on the app's own event loop) or a temporary PGlite folder.
 * The older client-vs-raw-fetch bench is `npm run bench:client`.
 */
import { randomUUID } from 'node:crypto';
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { chromium, type Browser } from '@playwright/test';
import pino from 'pino';
import * as prettier from 'prettier';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { createPaymentBody } from '../lib/server/orders/create-payment-body';
import { createVippsClient } from '../lib/server/vipps/client';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../tests/integration/throwaway-postgres';
import { startApp, type AppProcess } from '../tests/system/support/app-process';
import { chromiumPath } from '../e2e/support/browser-path';
import { firstLoadJsPerPage, frameworkJs, scriptsInHtml, sumSizes } from './first-load-js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
});
const QUICK = args.quick;
const DB = args.db === 'pglite' ? 'pglite' : 'postgres';
const LOAD_SECONDS = QUICK ? 2 : 3;
const LOAD_ROUNDS = QUICK ? 2 : 8;
const POLL_SECONDS = QUICK ? 4 : 10;
const CHECKOUT_SAMPLES = QUICK ? 10 : 60;
/** Connection counts below the target's 100, one load each after the rounds (notes only, no target). */
const SWEEP_CONNECTIONS = QUICK ? [5] : [1, 5, 20, 50];
// Until the JIT has compiled the checkout path: after only 5 warm-ups, the first 60 checkouts had a p50 2–4 ms above
// the next 120 (3 rounds of 60, 2026-12-03), so 5 measured the cold path, not the route.
const CHECKOUT_WARMUP = QUICK ? 5 : 30;
const BROWSER_SAMPLES = QUICK ? 3 : 20;
const SHOP_PAGES = ['/', '/products/[sku]', '/cart', '/checkout', '/return', '/login'];
const CART = [{ sku: 'fjord-mug', quantity: 1 }];

const ANALYSIS_HEADING = '## Analysis (hand-written; kept when the bench rewrites this file)';
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.ceil(at)]! - sorted[lo]!) * (at - lo);
}

// ---------------------------------------------------------------------------------------------------------------
// The world: simulator, database, app

interface World {
  sim: RunningSimulator;
  app: AppProcess;
  /** The app on 127.0.0.1 (no name lookup in the load generator). */
  appUrl: string;
  simCall<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

async function startWorld(): Promise<World> {
  const sim = await startSimulator({
    port: 0,
    logLevel: 'silent',
    rateLimits: false,
    paymentTimeoutSeconds: 3600, // payments under load stay CREATED for the whole run
  });
  let dbEnv: Record<string, string>;
  let dropDb: () => Promise<void>;
  if (DB === 'postgres') {
    const database = await createThrowawayPostgres();
    dbEnv = { DATABASE_URL: database.url };
    dropDb = () => dropThrowawayPostgres(database.name);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
    dbEnv = { DATABASE_URL: '', PGLITE_DIR: dir };
    dropDb = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  const app = await startApp({ env: { ...dbEnv, VIPPS_BASE_URL: sim.url, BENCH_ROUTES: '1', LOG_LEVEL: 'warn' } });
  const simCall = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sim.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulator ${method} ${route}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    sim,
    app,
    appUrl: app.url.replace('localhost', '127.0.0.1'),
    simCall,
    async close() {
      await app.stop();
      await sim.close();
      await dropDb();
    },
  };
}

async function checkout(world: World): Promise<{ reference: string; orderNumber: string }> {
  const response = await fetch(`${world.appUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: CART }),
  });
  if (response.status !== 201) throw new Error(`checkout: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { reference: string; orderNumber: string };
}

async function statusOf(world: World, reference: string): Promise<{ outcome: string; final: boolean }> {
  const response = await fetch(`${world.appUrl}/api/payments/${reference}`);
  if (!response.ok) throw new Error(`status ${reference}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { outcome: string; final: boolean };
}

async function upstreamGets(world: World, reference: string, from: Date, to: Date): Promise<number> {
  const { requests } = await world.simCall<{ requests: { at: string }[] }>(
    'GET',
    `/_sim/requests?reference=${reference}&method=GET`,
  );
  return requests.filter(({ at }) => new Date(at) >= from && new Date(at) <= to).length;
}

// ---------------------------------------------------------------------------------------------------------------
// 1 and 2: load on the status route and the bare route

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

async function load(url: string, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

const fmtLoad = (l: Load) =>
  `${l.rps.toFixed(0)} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (${l.requests} requests, ${l.bad} not 2xx)`;

interface LoadFigures {
  rounds: { bare: Load; final: Load; created: Load }[];
  /** Median over rounds of each round's status/bare req/s: each round's routes ran seconds apart. */
  finalRatio: number;
  createdRatio: number;
  worstP99: { bare: number; final: number; created: number };
  bare: Load;
  final: Load;
  created: Load;
  createdUpstreamGetsPer2s: number;
  /** The same two routes below 100 connections: where the machine, not the route, sets the latency. */
  sweep: { connections: number; bare: Load; final: Load }[];
}

/** Medians over the rounds: other work on the machine comes and goes in bursts of seconds. */
function combine(loads: Load[]): Load {
  return {
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    requests: loads.reduce((s, l) => s + l.requests, 0),
    bad: loads.reduce((s, l) => s + l.bad, 0),
  };
}

async function statusVsBare(world: World): Promise<LoadFigures> {
  const paid = await checkout(world);
  await world.simCall('POST', `/_sim/payments/${paid.reference}/approve`, {});
  for (let i = 0; (await statusOf(world, paid.reference)).outcome !== 'paid'; i++) {
    if (i > 100) throw new Error('the approved payment never showed as paid');
    await sleep(100);
  }
  const waiting = await checkout(world);
  const bareUrl = `${world.appUrl}/api/bench/bare`;
  const finalUrl = `${world.appUrl}/api/payments/${paid.reference}`;
  const createdUrl = `${world.appUrl}/api/payments/${waiting.reference}`;
  const bareCheck = await fetch(bareUrl);
  if (!bareCheck.ok) throw new Error(`the bare route answers ${bareCheck.status}: is BENCH_ROUTES=1 reaching the app?`);
  log('  warming up (2 s each)');
  for (const url of [bareUrl, finalUrl, createdUrl]) await load(url, 100, 2);

  const rounds: LoadFigures['rounds'] = [];
  let createdSeconds = 0;
  let createdGets = 0;
  for (let round = 1; round <= LOAD_ROUNDS; round++) {
    const bare = await load(bareUrl, 100, LOAD_SECONDS);
    log(`  round ${round} bare route        ${fmtLoad(bare)}`);
    const final = await load(finalUrl, 100, LOAD_SECONDS);
    log(`  round ${round} status AUTHORIZED ${fmtLoad(final)}`);
    const from = new Date();
    const created = await load(createdUrl, 100, LOAD_SECONDS);
    const to = new Date();
    createdSeconds += (to.getTime() - from.getTime()) / 1000;
    createdGets += await upstreamGets(world, waiting.reference, from, to);
    log(`  round ${round} status CREATED    ${fmtLoad(created)}`);
    rounds.push({ bare, final, created });
  }
  const sweep: LoadFigures['sweep'] = [];
  for (const connections of SWEEP_CONNECTIONS) {
    const bare = await load(bareUrl, connections, LOAD_SECONDS);
    const final = await load(finalUrl, connections, LOAD_SECONDS);
    log(`  ${connections} connections: bare ${fmtLoad(bare)}; AUTHORIZED ${fmtLoad(final)}`);
    sweep.push({ connections, bare, final });
  }
  return {
    sweep,
    rounds,
    finalRatio: median(rounds.map((r) => r.final.rps / r.bare.rps)),
    createdRatio: median(rounds.map((r) => r.created.rps / r.bare.rps)),
    worstP99: {
      bare: Math.max(...rounds.map((r) => r.bare.p99)),
      final: Math.max(...rounds.map((r) => r.final.p99)),
      created: Math.max(...rounds.map((r) => r.created.p99)),
    },
    bare: combine(rounds.map((r) => r.bare)),
    final: combine(rounds.map((r) => r.final)),
    created: combine(rounds.map((r) => r.created)),
    createdUpstreamGetsPer2s: createdGets / (createdSeconds / 2),
  };
}

async function pollers(world: World) {
  const { reference } = await checkout(world);
  const from = new Date();
  const result = await load(`${world.appUrl}/api/payments/${reference}`, 200, POLL_SECONDS);
  const to = new Date();
  await sleep(200); // the last upstream read may still be on its way
  const seconds = (to.getTime() - from.getTime()) / 1000;
  const gets = await upstreamGets(world, reference, from, new Date());
  return { seconds, gets, perTwoSeconds: gets / (seconds / 2), load: result };
}

// ---------------------------------------------------------------------------------------------------------------
// 3: checkout POST vs the create-payment call it makes

async function checkoutVsDirect(world: World) {
  const { msn, ...credentials } = SIMULATOR_CREDENTIALS;
  const client = createVippsClient(
    {
      baseUrl: world.sim.url,
      ...credentials,
      merchantSerialNumber: msn,
      systemName: 'bench',
      systemVersion: '0.0.0',
      pluginName: 'bench',
      pluginVersion: '0.0.0',
      requestTimeoutMs: 10_000,
      retryDeadlineMs: 30_000,
      allowForceApprove: false,
    },
    {
      fetch: (request) => fetch(request),
      now: () => Date.now(),
      sleep,
      random: Math.random,
      logger: pino({ level: 'silent' }),
    },
  );
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
  const shop: number[] = [];
  const raw: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < CHECKOUT_SAMPLES; i++) {
    // Interleaved, in a random order per pair, so drift in the machine's load hits both alike.
    const pair = [
      () => timed(() => checkout(world)).then((ms) => shop.push(ms)),
      () => timed(() => direct(i)).then((ms) => raw.push(ms)),
      () => timed(bare).then((ms) => floor.push(ms)),
    ];
    for (const run of pair) await run();
  }
  return {
    shop: median(shop),
    direct: median(raw),
    bare: median(floor),
    shopP90: quantile(shop, 0.9),
    directP90: quantile(raw, 0.9),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 4: approve → "paid" on /return, in Chromium

async function approveToPaid(world: World, browser: Browser) {
  const samples = { webhooks: [] as number[], polling: [] as number[] };
  const deliveries = { webhooks: new Map<string, number>(), polling: new Map<string, number>() };
  for (let i = 0; i < BROWSER_SAMPLES * 2; i++) {
    const mode = i % 2 === 0 ? 'webhooks' : 'polling';
    const { reference } = await checkout(world);
    if (mode === 'polling') {
      await world.simCall('POST', '/_sim/webhooks/faults', { kind: 'drop', reference, eventName: 'AUTHORIZED' });
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.app.url}/return?reference=${reference}`);
    await page.getByTestId('payment-waiting').waitFor({ state: 'visible' });
    // A shopper approves at any moment of the page's 2 s polling rhythm, not just after a poll: a random wait.
    await sleep(Math.random() * 2000);
    const start = performance.now();
    await world.simCall('POST', `/_sim/payments/${reference}/approve`, {});
    await page.getByTestId('payment-paid').waitFor({ state: 'visible', timeout: 30_000 });
    samples[mode].push(performance.now() - start);
    await context.close();
    const { deliveries: sent } = await world.simCall<{ deliveries: { name: string; state: string }[] }>(
      'GET',
      `/_sim/webhooks/deliveries?reference=${reference}`,
    );
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

// ---------------------------------------------------------------------------------------------------------------
// 5: first-load JS, from the build and as the served HTML loads it

async function firstLoadJs(world: World) {
  const pages = firstLoadJsPerPage();
  const { reference } = await checkout(world);
  const concrete: Record<string, string> = {
    '/products/[sku]': '/products/fjord-mug',
    '/return': `/return?reference=${reference}`,
  };
  return Promise.all(
    pages.map(async (page) => {
      let html: { gzipBytes: number; matches: boolean } | undefined;
      if (SHOP_PAGES.includes(page.route)) {
        const response = await fetch(`${world.appUrl}${concrete[page.route] ?? page.route}`);
        const files = scriptsInHtml(await response.text());
        html = {
          gzipBytes: sumSizes('.next', files).gzipBytes,
          matches: files.every((f) => page.files.includes(f)),
        };
      }
      return { ...page, html, shop: SHOP_PAGES.includes(page.route) };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Report

interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | undefined;
}

const verdict = (pass: boolean | undefined) => (pass === undefined ? '—' : pass ? 'PASS' : 'MISS');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function machine() {
  const sh = (command: string) => {
    try {
      return execSync(command, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  const busy = sh(`ps -eo pid=,pcpu= | awk '$1 != ${process.pid} && $2 > 5 {n++} END {print n+0}'`);
  return {
    uname: sh('uname -a'),
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    busy,
  };
}

async function main() {
  const before = machine();
  const started = new Date();
  log(`bench: ${DB}, ${QUICK ? 'quick' : 'full'} run; load average ${before.load}`);
  // Launched first, so a machine without a browser fails now rather than after three minutes of load.
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const world = await startWorld().catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    log('1. status route vs bare route, 100 connections');
    const l = await statusVsBare(world);
    const { finalRatio, createdRatio } = l;
    const loadRow = (what: string, s: Load, ratio: number): Row[] => [
      {
        figure: `${what}: req/s`,
        measured: s.rps.toFixed(0),
        baseline: `${l.bare.rps.toFixed(0)} (bare route)`,
        ratio: `${ratio.toFixed(2)}×`,
        target: '≥ 0.8× bare',
        pass: ratio >= 0.8,
      },
      {
        figure: `${what}: p50 / p99`,
        measured: `${ms(s.p50)} / ${ms(s.p99)}`,
        baseline: `${ms(l.bare.p50)} / ${ms(l.bare.p99)}`,
        ratio: `p99 ${(s.p99 / l.bare.p99).toFixed(2)}×`,
        target: 'p99 < 50 ms',
        pass: s.p99 < 50,
      },
    ];
    rows.push(...loadRow('Status route, AUTHORIZED payment (DB only)', l.final, finalRatio));
    rows.push(...loadRow('Status route, CREATED payment (claims upstream reads)', l.created, createdRatio));
    notes.push(
      `Load rounds (${LOAD_ROUNDS} × ${LOAD_SECONDS} s each, bare → AUTHORIZED → CREATED, 100 connections, after 2 s ` +
        'warm-ups). Every figure in the table is the median over the rounds; the req/s ratio is the median of the ' +
        `rounds' own ratios. Worst round's p99: bare ${ms(l.worstP99.bare)}, AUTHORIZED ${ms(l.worstP99.final)}, ` +
        `CREATED ${ms(l.worstP99.created)}.`,
      ...l.rounds.map(
        (r, i) =>
          `  - round ${i + 1}: bare ${fmtLoad(r.bare)}; AUTHORIZED ${fmtLoad(r.final)}; CREATED ${fmtLoad(r.created)}`,
      ),
      `Below 100 connections (${LOAD_SECONDS} s each, after the rounds), bare route and AUTHORIZED status route: ` +
        l.sweep
          .map(
            (w) =>
              `${w.connections} → bare ${w.bare.rps.toFixed(0)} req/s p99 ${ms(w.bare.p99)}, ` +
              `AUTHORIZED ${w.final.rps.toFixed(0)} req/s p99 ${ms(w.final.p99)}`,
          )
          .join('; ') +
        '. Where req/s no longer grows with connections the app is saturated, and latency only grows with the queue.',
      `While the CREATED payment was under 100 connections, the simulator saw ${l.createdUpstreamGetsPer2s.toFixed(2)} GETs per 2 s for it.`,
    );

    log('2. upstream GETs per payment, 200 concurrent pollers');
    const p = await pollers(world);
    rows.push({
      figure: `Upstream GETs per payment, 200 pollers × ${p.seconds.toFixed(1)} s`,
      measured: `${p.gets} GETs = ${p.perTwoSeconds.toFixed(2)} per 2 s`,
      baseline: '1 per 2 s (design limit)',
      ratio: `${p.perTwoSeconds.toFixed(2)}×`,
      target: '≤ 1 per 2 s',
      pass: p.perTwoSeconds <= 1,
    });
    notes.push(`The 200 pollers got ${fmtLoad(p.load)}.`);
    log(`  ${p.gets} GETs in ${p.seconds.toFixed(1)} s (${fmtLoad(p.load)})`);

    log(`3. checkout POST vs direct create-payment, ${CHECKOUT_SAMPLES} samples each, interleaved`);
    const c = await checkoutVsDirect(world);
    const delta = c.shop - c.direct;
    rows.push({
      figure: `Checkout POST p50 (${CHECKOUT_SAMPLES} samples)`,
      measured: ms(c.shop),
      baseline: `${ms(c.direct)} (direct createPayment)`,
      ratio: `+${delta.toFixed(1)} ms`,
      target: '≤ +15 ms',
      pass: delta <= 15,
    });
    notes.push(
      `Checkout p90 ${ms(c.shopP90)}, direct create-payment p90 ${ms(c.directP90)}. Interleaved with them, one ` +
        `request at a time to the bare route took ${ms(c.bare)} (p50): the Next.js route pipeline's own share of ` +
        "the difference. The rest is the shop's own work: a fresh checkout makes three round trips to the " +
        "database, the catalogue read beside drawing the order's id, one statement writing the order, lines, " +
        'payment and the already claimed create operation with its Idempotency-Key (lib/server/orders/' +
        'checkout-write.ts), and after the Vipps call one statement storing the landing page URL with the ' +
        `operation's success. Warm-up before the samples: ${CHECKOUT_WARMUP} checkouts and direct calls.`,
    );
    log(`  checkout p50 ${ms(c.shop)}, direct ${ms(c.direct)}`);

    log(`4. approve → paid on /return in Chromium, ${BROWSER_SAMPLES} each with and without webhooks`);
    const a = await approveToPaid(world, browser);
    rows.push(
      {
        figure: `Approve → "paid" on /return, with webhooks (median of ${BROWSER_SAMPLES})`,
        measured: ms(a.webhooks),
        baseline: '—',
        ratio: `max ${ms(a.webhooksMax)}`,
        target: '≤ 1500 ms',
        pass: a.webhooks <= 1500,
      },
      {
        figure: `Approve → "paid" on /return, webhook dropped (median of ${BROWSER_SAMPLES})`,
        measured: ms(a.polling),
        baseline: `${ms(a.webhooks)} (with webhooks)`,
        ratio: `${(a.polling / a.webhooks).toFixed(2)}×, max ${ms(a.pollingMax)}`,
        target: '≤ 5000 ms',
        pass: a.polling <= 5000,
      },
    );
    notes.push(
      `AUTHORIZED webhook deliveries: with webhooks ${a.webhookDeliveries}; without ${a.pollingDeliveries}. ` +
        'Each sample: checkout through the API, /return opened in a fresh context and showing "Waiting for Vipps", ' +
        'then a random 0–2 s wait (a shopper approves at any point of the 2 s polling rhythm), then the clock starts ' +
        'at `POST /_sim/payments/{ref}/approve` and stops when `data-testid="payment-paid"` is visible.',
    );
    log(`  with webhooks ${ms(a.webhooks)}, without ${ms(a.polling)}`);

    log('5. first-load JS per page');
    const pages = await firstLoadJs(world);
    const framework = frameworkJs();
    rows.push({
      figure: 'First-load JS shared by every page (React, Next.js, Turbopack runtime: rootMainFiles)',
      measured: `${kb(framework.gzipBytes)} gzip`,
      baseline: '—',
      ratio: `${kb(framework.rawBytes)} raw`,
      target: '— (part of every page below)',
      pass: undefined,
    });
    for (const page of pages) {
      const worst = Math.max(page.gzipBytes, page.html?.gzipBytes ?? 0);
      rows.push({
        figure: `First-load JS ${page.route}`,
        measured: `${kb(page.gzipBytes)} gzip`,
        baseline: page.html
          ? `${kb(page.html.gzipBytes)} in the served HTML${page.html.matches ? '' : ' (differs!)'}`
          : '—',
        ratio: `${kb(page.gzipBytes - framework.gzipBytes)} gzip over the shared part; ${kb(page.rawBytes)} raw`,
        target: page.shop ? '≤ 120 kB gzip' : '— (staff page)',
        pass: page.shop ? worst <= 120 * 1024 : undefined,
      });
    }
  } finally {
    await browser.close();
    await world.close();
  }

  const after = machine();
  const width = Math.max(...rows.map((r) => r.figure.length));
  log('');
  for (const r of rows) {
    log(
      `${verdict(r.pass).padEnd(4)}  ${r.figure.padEnd(width)}  ${r.measured}  | baseline ${r.baseline}  | ${r.ratio}  | target ${r.target}`,
    );
  }
  const misses = rows.filter((r) => r.pass === false).length;
  log(`\n${rows.filter((r) => r.pass).length} PASS, ${misses} MISS`);

  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts${QUICK ? ' --quick' : ''}); every figure against a baseline measured in the same run.`,
    '',
    `- Date: ${started.toISOString()} (took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s)`,
    `- Machine: \`${before.uname}\``,
    `- CPU: ${before.cpu}; memory ${before.memory}; Node ${before.node}`,
    `- Database: ${DB === 'postgres' ? 'a throw-away PostgreSQL database on the local server (pool of 10 per app)' : 'PGlite in a temporary folder'}; simulator in the bench process, rate limits off; one \`next start\` of the production build`,
    `- **Other work was running on this shared 2-core machine** (load average ${before.load} before, ${after.load} after; ` +
      `${before.busy} other processes above 5 % CPU at the start). The load generator (autocannon), the simulator and ` +
      'Chromium share the same 2 cores with the app, so absolute figures are low and noisy: read the ratios.',
    '',
    '| Figure | Measured | Baseline (same run) | Ratio / Δ | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.figure} | ${r.measured} | ${r.baseline} | ${r.ratio} | ${r.target} | ${verdict(r.pass)} |`,
    ),
    '',
    '## Notes',
    '',
    ...notes.map((n) => (n.startsWith('  -') ? n : `- ${n}`)),
    '- Baseline route: `GET /api/bench/bare` (`app/api/bench/bare/route.ts`) goes through the same pipeline as the ' +
      'status route (proxy.ts with its security headers, `withProblems`, a no-store JSON answer) without the database. ' +
      '`/api/health` was not used: it runs `select 1`, so it would hide part of the database cost being measured. The ' +
      'route is a 404 problem unless `BENCH_ROUTES=1`, which the configuration refuses against a real Vipps host.',
    '- First-load JS: Next 16 prints no sizes after `next build`, so bench/first-load-js.ts sums gzip level 9 of ' +
      "`rootMainFiles` (build-manifest.json) and the route's `entryJSFiles` (its client reference manifest); the " +
      "served HTML's `<script src>` files are summed too as a check. Staff pages have no target.",
    '',
  ].join('\n');
  // A hand-written analysis below this heading survives re-runs; everything above it is regenerated.
  let kept = '';
  try {
    const previous = readFileSync(args.out, 'utf8');
    const at = previous.indexOf(ANALYSIS_HEADING);
    if (at >= 0) kept = `\n${previous.slice(at)}`;
  } catch {
    // first run
  }
  // Formatted as `npm run format:check` (part of `npm test`) wants it, so a fresh run commits as it is.
  const options = (await prettier.resolveConfig(args.out)) ?? {};
  writeFileSync(args.out, await prettier.format(md + kept, { ...options, filepath: args.out }));
  log(`wrote ${args.out}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
