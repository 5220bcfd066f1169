// The processes and HTTP helpers a soak run drives: one simulator, one app on a throw-away PostgreSQL (so the
// ledger can be read while the app runs), an operator session, and the simulator's control API (the package's client).
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import pg from 'pg';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../../integration/throwaway-postgres';
import { demoStaff } from '../../support/demo-staff';
import { startApp, type AppProcess } from './app-process';
import { signInOverHttp } from './staff-http';

const OPERATOR = demoStaff('operator');

export interface SoakWorld {
  app(): AppProcess;
  db: pg.Pool;
  sim: SimulatorControl;
  /** POST/GET to the app; `staff` sends the operator's session. */
  shop: (
    method: 'GET' | 'POST',
    path: string,
    opts?: { body?: unknown; headers?: Record<string, string>; staff?: boolean },
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** Stops the app and starts it again on the same port; `untilUp` waits for it. */
  restartApp(): Promise<void>;
  /** Resolves once no restart is under way (true if it had to wait for one); rejects if the restart failed. */
  untilUp(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startSoakWorld(): Promise<SoakWorld> {
  const simulator: RunningSimulator = await startSimulator({ port: 0, logLevel: 'silent' });
  const database = await createThrowawayPostgres();
  const env = {
    DATABASE_URL: database.url,
    VIPPS_BASE_URL: simulator.url.replace('127.0.0.1', 'localhost'),
    RECONCILE_INTERVAL_MS: '500',
    RECONCILE_MIN_AGE_MS: '1000',
    // Short budgets so a fault ends as "unknown" within the run, and the reconciler must settle it.
    VIPPS_REQUEST_TIMEOUT_MS: '2000',
    VIPPS_RETRY_DEADLINE_MS: '5000',
  };
  let app = await startApp({ env });
  const port = app.port;
  let cookie = await signInOverHttp(app.url, OPERATOR.email, OPERATOR.password);
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  db.on('error', () => {}); // an idle connection dropped at the end (database dropped) is not a soak failure

  const sim = simulatorControl(simulator);
  let restarting: Promise<void> | undefined;

  return {
    app: () => app,
    db,
    sim,
    async shop(method, path, opts = {}) {
      try {
        const response = await fetch(`${app.url}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(opts.staff && { cookie }),
            ...opts.headers,
          },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      } catch {
        return { status: 0, body: {} }; // the app is restarting: the caller retries like a browser would
      }
    },
    restartApp() {
      restarting ??= (async () => {
        await app.stop();
        app = await startApp({ port, env });
        cookie = await signInOverHttp(app.url, OPERATOR.email, OPERATOR.password);
      })();
      return restarting;
    },
    async untilUp() {
      if (!restarting) return false;
      // A failed restart fails every shopper at once: without an app, retrying until the patience runs out
      // only hides the cause (the app's output is in the error).
      await restarting;
      return true;
    },
    async close() {
      await restarting?.catch(() => {});
      await app.stop();
      await db.end();
      await simulator.close();
      await dropThrowawayPostgres(database.name);
    },
  };
}
