/**
 * Assembles one simulator: stores, clock, routes and the expiry sweep. `createSimulator` gives the Hono app
 * (usable in-process with `app.request`); `startSimulator` also listens on a port. Integration tests of the
 * shop import `startSimulator` from here.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { VirtualClock } from './clock';
import { resolveConfig, type SimConfig } from './config';
import type { SimContext, SimEnv } from './context';
import { controlRoutes } from './control/routes';
import { IdempotencyStore } from './epayment/idempotency';
import { PaymentService } from './epayment/payment-service';
import { PaymentStore } from './epayment/payment-store';
import { epaymentRoutes } from './epayment/routes';
import { requireApiAuth } from './http/auth';
import { FaultStore } from './http/faults';
import { problemResponse, sendSimResponse } from './http/problem';
import { requestLog } from './http/request-log';
import { landingRoutes } from './landing/routes';
import { qrRoutes } from './landing/qr';
import { createLogger } from './logger';
import { TokenStore } from './token/token-store';
import { tokenRoutes } from './token/routes';
import { createWebhookService } from './webhooks';

/** How often CREATED payments are checked for expiry when nobody asks (BRIEF §5; lazy checks cover reads). */
const SWEEP_INTERVAL_MS = 1000;

export type Simulator = SimContext & {
  app: Hono<SimEnv>;
  /** Clears payments, tokens, idempotency records, faults, the clock offset and webhooks. */
  reset(): void;
  close(): Promise<void>;
};

export function createSimulator(overrides: Partial<SimConfig> = {}): Simulator {
  const config = resolveConfig(overrides);
  const clock = new VirtualClock();
  const log = createLogger(config.logLevel);
  const store = new PaymentStore();
  const webhooks = createWebhookService({
    now: () => clock.now(),
    acceptedMsns: config.acceptedMsns,
    log: (line) => log.info(`webhook ${line}`),
  });
  const sim: SimContext = {
    config,
    clock,
    log,
    store,
    // Every logged payment event is also published as a webhook, failed ones included (README "Event log").
    payments: new PaymentService(store, clock, (event) => webhooks.publish(event)),
    tokens: new TokenStore(clock, () => config.tokenLifetimeSeconds),
    idempotency: new IdempotencyStore(),
    faults: new FaultStore(),
    webhooks,
  };

  const reset = () => {
    store.clear();
    sim.tokens.clear();
    sim.idempotency.clear();
    sim.faults.clear();
    clock.reset();
    webhooks.reset();
  };

  const app = new Hono<SimEnv>();
  app.use('*', requestLog(log));
  app.route('/', tokenRoutes(sim));
  app.route('/epayment/v1', epaymentRoutes(sim));
  app.use('/webhooks/v1/*', requireApiAuth(sim));
  app.route('/webhooks/v1', webhooks.api);
  app.route('/_sim/webhooks', webhooks.control);
  app.route('/_sim', controlRoutes(sim, reset));
  app.route('/', landingRoutes(sim));
  app.route('/', qrRoutes(sim));
  app.notFound((c) =>
    sendSimResponse(problemResponse(c.req.path, 404, 'Not Found', `No route for ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((error, c) => {
    log.error(
      `${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return sendSimResponse(
      problemResponse(c.req.path, 500, 'Internal Server Error', 'The simulator hit an unexpected error.'),
    );
  });

  const sweepTimer = setInterval(() => sim.payments.sweep(), SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  return {
    ...sim,
    app,
    reset,
    close: async () => {
      clearInterval(sweepTimer);
      await webhooks.close();
    },
  };
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT`: the base URL for API clients. */
  url: string;
  port: number;
  close(): Promise<void>;
  simulator: Simulator;
}

/** Starts a simulator on `port` (0 = a free one). Without an explicit `publicUrl`, links use the listening URL. */
export async function startSimulator(options: Partial<SimConfig> & { port?: number } = {}): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const { host } = simulator.config;
  const server = serve({ fetch: simulator.app.fetch, port: options.port ?? simulator.config.port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = ['0.0.0.0', '::', '127.0.0.1'].includes(host) ? '127.0.0.1' : host;
  const url = `http://${reachableHost}:${port}`;
  if (options.publicUrl === undefined) simulator.config.publicUrl = url;
  return {
    url,
    port,
    simulator,
    close: async () => {
      await simulator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
