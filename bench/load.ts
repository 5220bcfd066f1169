// Steps 1 and 2: load on the status route and the bare route, and upstream GETs under 200 pollers.
import autocannon from 'autocannon';
import { pacedLoad } from './paced-load';
import { LOAD_ROUNDS, LOAD_SECONDS, POLL_SECONDS, SWEEP_CONNECTIONS } from './config';
import { log, median, sleep } from './stats';
import { checkout, shortestGapSeconds, statusOf, upstreamGets, type World } from './world';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

/** Closed loop: each connection sends again as soon as it is answered. */
export async function load(url: string, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

export const fmtLoad = (l: Load) =>
  `${l.rps.toFixed(0)} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (${l.requests} requests, ${l.bad} not 2xx)`;

export interface LoadFigures {
  rounds: { bare: Load; final: Load; created: Load }[];
  /** Median over rounds of each round's status/bare req/s: each round's routes ran seconds apart. */
  finalRatio: number;
  createdRatio: number;
  worstP99: { bare: number; final: number; created: number };
  bare: Load;
  final: Load;
  created: Load;
  /** Upstream GETs of the CREATED payment while it was under load, and the shortest gap between two of them. */
  createdUpstream: { gets: number; seconds: number; shortestGap: number };
  /** The same two routes below 100 connections: where the machine, not the route, sets the latency. */
  sweep: { connections: number; bare: Load; final: Load }[];
  /** 100 connections again, offered half the bare route's closed-loop req/s (why: the note in load-report.ts). */
  paced: { rate: number; bare: Load; final: Load };
}

/** Medians over the rounds: other work on the machine comes and goes in bursts of seconds. */
export function combine(loads: Load[]): Load {
  return {
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    requests: loads.reduce((s, l) => s + l.requests, 0),
    bad: loads.reduce((s, l) => s + l.bad, 0),
  };
}

export async function statusVsBare(world: World): Promise<LoadFigures> {
  const paid = await checkout(world);
  await world.control.approve(paid.reference);
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
  const createdGets: Date[][] = [];
  for (let round = 1; round <= LOAD_ROUNDS; round++) {
    const bare = await load(bareUrl, 100, LOAD_SECONDS);
    log(`  round ${round} bare route        ${fmtLoad(bare)}`);
    const final = await load(finalUrl, 100, LOAD_SECONDS);
    log(`  round ${round} status AUTHORIZED ${fmtLoad(final)}`);
    const from = new Date();
    const created = await load(createdUrl, 100, LOAD_SECONDS);
    const to = new Date();
    createdSeconds += (to.getTime() - from.getTime()) / 1000;
    createdGets.push(await upstreamGets(world, waiting.reference, from, to));
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
  const bare = combine(rounds.map((r) => r.bare));
  const rate = Math.round(bare.rps / 2);
  const paced = {
    rate,
    bare: await pacedLoad(bareUrl, 100, LOAD_SECONDS * 4, rate),
    final: await pacedLoad(finalUrl, 100, LOAD_SECONDS * 4, rate),
  };
  log(`  100 connections paced at ${rate} req/s: bare ${fmtLoad(paced.bare)}; AUTHORIZED ${fmtLoad(paced.final)}`);
  return {
    sweep,
    paced,
    rounds,
    finalRatio: median(rounds.map((r) => r.final.rps / r.bare.rps)),
    createdRatio: median(rounds.map((r) => r.created.rps / r.bare.rps)),
    worstP99: {
      bare: Math.max(...rounds.map((r) => r.bare.p99)),
      final: Math.max(...rounds.map((r) => r.final.p99)),
      created: Math.max(...rounds.map((r) => r.created.p99)),
    },
    bare,
    final: combine(rounds.map((r) => r.final)),
    created: combine(rounds.map((r) => r.created)),
    createdUpstream: {
      gets: createdGets.flat().length,
      seconds: createdSeconds,
      // Within each round only: the gap between two rounds includes the seconds of the other routes' loads.
      shortestGap: Math.min(...createdGets.map(shortestGapSeconds)),
    },
  };
}

export async function pollers(world: World) {
  const { reference } = await checkout(world);
  const from = new Date();
  const result = await load(`${world.appUrl}/api/payments/${reference}`, 200, POLL_SECONDS);
  const to = new Date();
  await sleep(200); // the last upstream read may still be on its way
  const seconds = (to.getTime() - from.getTime()) / 1000;
  const times = await upstreamGets(world, reference, from, new Date());
  return { seconds, gets: times.length, shortestGap: shortestGapSeconds(times), load: result };
}
