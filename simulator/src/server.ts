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
import type { SimContext } from './context';
import type { SimEnv } from './http/sim-env';
import { controlRoutes } from './control/routes';
import { IdempotencyStore } from './epayment/idempotency';
import { PaymentService } from './epayment/payment-service';
import { PaymentStore } from './epayment/payment-store';
import { epaymentRoutes } from './epayment/routes';
import { requireApiAuth } from './http/auth';
import { bodyLimit } from './http/body-limit';
import { FaultStore } from './fault-store';
import type { ApiFault } from './http/faults';
import { problemResponse, sendSimResponse, statusTitle } from './http/problem';
import { RateLimiter } from './http/rate-limit';
import { RequestRecorder, requestLog } from './http/request-log';
import { preview } from './http/zod-problem';
import { landingRoutes } from './landing/routes';
import { qrRoutes } from './landing/qr';
import { createLogger, forLog } from './logger';
import { TokenStore } from './token/token-store';
import { tokenRoutes } from './token/routes';
import { claimScopesOf } from './epayment/profile-scope';
import { UserinfoGrants } from './userinfo/grants';
import { userinfoRoutes } from './userinfo/routes';
import { UserDirectory } from './users/user-directory';
import { createWebhookService } from './webhooks';

/** Request bodies above 1 MiB are refused with 413 before they are read: Vipps' own are a few kB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How often CREATED payments are checked for expiry when nobody asks (BRIEF §5; lazy checks cover reads). */
const SWEEP_INTERVAL_MS = 1000;

export type Simulator = SimContext & {
  app: Hono<SimEnv>;
  /** Clears payments, tokens, idempotency records, faults, the clock offset, webhooks, control users and grants. */
  reset(): void;
  close(): Promise<void>;
};

export function createSimulator(overrides: Partial<SimConfig> = {}): Simulator {
  const config = resolveConfig(overrides);
  const clock = new VirtualClock();
  const log = createLogger(config.logLevel);
  const store = new PaymentStore(config.maxPayments);
  const webhooks = createWebhookService({
    now: () => clock.now(),
    acceptedMsns: config.acceptedMsns,
    maxDeliveries: config.maxWebhookDeliveries,
    log: (line) => log.info(`webhook ${line}`),
  });
  const users = new UserDirectory(config.users);
  const grants = new UserinfoGrants(config.maxPayments);
  const sim: SimContext = {
    config,
    clock,
    log,
    store,
    // Every logged payment event is also published as a webhook, failed ones included (README "Event log").
    payments: new PaymentService(
      store,
      clock,
      (event) => webhooks.publish(event),
      () => config.captureGuaranteeDays,
      // The user behind the approving phone, as they are at this moment, and the claims they agreed to.
      (payment, phoneNumber, atMs) =>
        grants.grant({
          msn: payment.msn,
          reference: payment.reference,
          user: users.userFor(phoneNumber),
          claims: claimScopesOf(payment.profileScope),
          grantedAtMs: atMs,
        }),
    ),
    tokens: new TokenStore(clock, () => config.tokenLifetimeSeconds, config.maxTokens),
    idempotency: new IdempotencyStore(config.maxIdempotencyKeys),
    faults: new FaultStore<ApiFault>(),
    rateLimits: new RateLimiter(() => clock.nowMs(), config.rateLimits),
    webhooks,
    users,
    grants,
  };

  const reset = () => {
    store.clear();
    sim.tokens.clear();
    sim.idempotency.clear();
    sim.faults.clear();
    sim.rateLimits.clear(); // the counters; whether limits are on is a setting and stays as it is
    clock.reset();
    webhooks.reset();
    users.clear(); // users set through the control API; SIM_USERS_FILE is configuration and stays
    grants.clear();
    requests.clear();
  };

  const requests = new RequestRecorder();
  const app = new Hono<SimEnv>();
  app.use('*', requestLog(log, requests));
  // Without a limit, bodies of any size were read whole into memory. Vipps' own are a few kB (a receipt at most).
  app.use(
    '*',
    // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
    bodyLimit(MAX_BODY_BYTES, (c) =>
      sendSimResponse({
        ...problemResponse(
          c.req.path,
          413,
          statusTitle(413),
          `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
        ),
        headers: { Connection: 'close' },
      }),
    ),
  );
  app.route('/', tokenRoutes(sim));
  app.route('/epayment/v1', epaymentRoutes(sim));
  app.route('/vipps-userinfo-api', userinfoRoutes(sim));
  app.use('/webhooks/v1/*', requireApiAuth(sim));
  app.route('/webhooks/v1', webhooks.api);
  app.route('/_sim/webhooks', webhooks.control);
  // Test-only: the recent API requests (not control calls), optionally for one reference or method.
  app.get('/_sim/requests', (c) =>
    c.json({ requests: requests.list({ reference: c.req.query('reference'), method: c.req.query('method') }) }),
  );
  app.route('/_sim', controlRoutes(sim, reset));
  // Browsers ask every page's host for one; an empty answer keeps a 404 out of their console.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.route('/', landingRoutes(sim));
  app.route('/', qrRoutes(sim));
  app.notFound((c) =>
    sendSimResponse(
      problemResponse(c.req.path, 404, 'Not Found', `No route for ${c.req.method} ${preview(c.req.path)}.`),
    ),
  );
  app.onError((error, c) => {
    log.error(
      `${c.req.method} ${forLog(c.req.path)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
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
