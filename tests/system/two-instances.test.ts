// Two `next start` processes on one PostgreSQL. Everything "only one at a time" must be decided
// in the database: over-capture and over-refund by 20 staff requests spread over both instances, the reconciler's
// sweep, and the upstream GETs that status polling may cause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../integration/throwaway-postgres';
import { demoStaff } from '../support/demo-staff';
import { reserveOrderOverHttp } from '../support/reserved';
import { startApp, type AppProcess } from './support/app-process';
import { signInOverHttp } from './support/staff-http';

const OPERATOR = demoStaff('operator');

let simulator: RunningSimulator;
let sim: SimulatorControl;
let database: { name: string; url: string };
let apps: AppProcess[] = [];
let cookies: string[] = [];

/** Two coffees (258,00) reserved through `app`'s own checkout route. */
const reservedPayment = async (app: AppProcess) =>
  (await reserveOrderOverHttp(app.url, sim, { items: [{ sku: 'fjellkaffe', quantity: 2 }] })).reference;

/** 20 requests at once, alternating between the instances. */
function twentyAtOnce(reference: string, kind: 'capture' | 'refund') {
  return Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const app = apps[i % 2]!;
      const response = await fetch(`${app.url}/api/admin/payments/${reference}/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[i % 2]! },
        body: JSON.stringify({ note: `system test ${i}` }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }),
  );
}

const simView = (reference: string) => sim.payment(reference);

describe('two app instances on one PostgreSQL', () => {
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, logLevel: 'silent' });
    sim = simulatorControl(simulator);
    database = await createThrowawayPostgres();
    const env = {
      DATABASE_URL: database.url,
      VIPPS_BASE_URL: simulator.url.replace('127.0.0.1', 'localhost'),
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_MIN_AGE_MS: '1000',
    };
    // Both start at once: migrations and seeds must take turns by themselves (an advisory lock, db/core.ts).
    apps = await Promise.all([startApp({ env }), startApp({ env })]);
    cookies = await Promise.all(apps.map((app) => signInOverHttp(app.url, OPERATOR.email, OPERATOR.password)));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await simulator?.close();
    if (database) await dropThrowawayPostgres(database.name);
  }, 60_000);

  it('20 concurrent full captures over both instances: exactly one succeeds, captured never exceeds authorized', async () => {
    const reference = await reservedPayment(apps[0]!);
    const answers = await twentyAtOnce(reference, 'capture');
    const succeeded = answers.filter((a) => a.status === 200 && a.body.status === 'succeeded');
    expect(succeeded).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    for (const refused of answers.filter((a) => a.status === 409)) expect(String(refused.body.detail)).not.toBe('');
    const view = await simView(reference);
    expect(view.aggregate.capturedAmount.value).toBe(view.aggregate.authorizedAmount.value);
    expect(view.events.filter((e) => e.name === 'CAPTURED')).toHaveLength(1);
  }, 60_000);

  it('the same for 20 concurrent full refunds', async () => {
    const reference = await reservedPayment(apps[1]!);
    const capture = await fetch(`${apps[0]!.url}/api/admin/payments/${reference}/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[0]! },
      body: '{}',
    });
    expect(capture.status).toBe(200);
    const answers = await twentyAtOnce(reference, 'refund');
    expect(answers.filter((a) => a.status === 200 && a.body.status === 'succeeded')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    const view = await simView(reference);
    expect(view.aggregate.refundedAmount.value).toBe(view.aggregate.capturedAmount.value);
    expect(view.events.filter((e) => e.name === 'REFUNDED')).toHaveLength(1);
  }, 60_000);

  it('status polling from both instances makes at most one upstream GET per payment per 2 s', async () => {
    const response = await fetch(`${apps[0]!.url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ items: [{ sku: 'fjellkaffe', quantity: 1 }] }),
    });
    const { reference } = (await response.json()) as { reference: string };
    const started = Date.now();
    // 100 polls spread over both instances within about two seconds; the payment stays CREATED (nobody approves).
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 15));
        await (await fetch(`${apps[i % 2]!.url}/api/payments/${reference}`)).json();
      }),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    const requests = await sim.requests({ reference, method: 'GET' });
    // The reconcilers may read it too; all of it together stays within one GET per 2 s (plus the first).
    expect(requests.length, `GETs at ${requests.map((r) => r.at).join(', ')}`).toBeLessThanOrEqual(
      Math.floor(elapsedSeconds / 2) + 1,
    );
  }, 60_000);

  it('the reconciler sweeps on one instance at a time, and the other takes over when it stops', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const holder = async () =>
        (await client.query<{ holder: string }>(`select holder from leases where name = 'reconciler'`)).rows[0]?.holder;
      const holderPid = async () => Number((await holder())?.split(':')[1]);
      await expect.poll(holderPid, { timeout: 30_000 }).toBeGreaterThan(0);
      const first = await holder();
      expect(apps.map((a) => a.pid)).toContain(await holderPid());
      // Six sweep intervals: the lease stays with one instance while it is alive (the other never sweeps).
      for (let i = 0; i < 15; i++) {
        expect(await holder()).toBe(first);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const pid = await holderPid();
      const holding = apps.find((a) => a.pid === pid)!;
      const other = apps.find((a) => a !== holding)!;
      await holding.stop();
      // The lease lapses (10 s) and the other instance takes it at its next tick.
      await expect.poll(holderPid, { timeout: 25_000, interval: 500 }).toBe(other.pid);
    } finally {
      await client.end();
    }
  }, 60_000);
});
