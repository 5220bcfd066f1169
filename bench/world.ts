// The world every bench step runs in: the simulator, a database, and one `next start` of the built app.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../tests/integration/throwaway-postgres';
import { startApp, type AppProcess } from '../tests/system/support/app-process';
import { CART, DB } from './config';

export interface World {
  sim: RunningSimulator;
  app: AppProcess;
  /** The app on 127.0.0.1 (no name lookup in the load generator). */
  appUrl: string;
  /** The simulator's test-control API (`/_sim`): play the shopper, drop webhooks, read what it saw. */
  control: SimulatorControl;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
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
  return {
    sim,
    app,
    appUrl: app.url.replace('localhost', '127.0.0.1'),
    control: simulatorControl(sim),
    async close() {
      await app.stop();
      await sim.close();
      await dropDb();
    },
  };
}

export async function checkout(world: World): Promise<{ reference: string; orderNumber: string }> {
  const response = await fetch(`${world.appUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: CART }),
  });
  if (response.status !== 201) throw new Error(`checkout: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { reference: string; orderNumber: string };
}

export async function statusOf(world: World, reference: string): Promise<{ outcome: string; final: boolean }> {
  const response = await fetch(`${world.appUrl}/api/payments/${reference}`);
  if (!response.ok) throw new Error(`status ${reference}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { outcome: string; final: boolean };
}

/** When the simulator received each upstream GET of one payment between `from` and `to`, oldest first. */
export async function upstreamGets(world: World, reference: string, from: Date, to: Date): Promise<Date[]> {
  const requests = await world.control.requests({ reference, method: 'GET' });
  return requests
    .map(({ at }) => new Date(at))
    .filter((at) => at >= from && at <= to)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The shortest time between two consecutive GETs, in seconds (Infinity for fewer than two). "At most one GET per
 * payment per 2 s" is a minimum spacing: a count over a window would overstate it, since a window of 3 s can
 * hold two GETs 2 s apart (1.33 "per 2 s") with the rule kept.
 */
export function shortestGapSeconds(times: Date[]): number {
  let shortest = Infinity;
  for (let i = 1; i < times.length; i++)
    shortest = Math.min(shortest, (times[i]!.getTime() - times[i - 1]!.getTime()) / 1000);
  return shortest;
}
