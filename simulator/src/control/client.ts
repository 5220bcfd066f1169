/**
 * A typed client of the simulator's test-control API (`/_sim`, see ./routes.ts and ../webhooks/control-routes.ts),
 * for any test suite or script that drives a running simulator over HTTP: play the shopper, move the clock, inject
 * faults, read what the simulator saw. Every call throws `SimulatorControlError` unless the answer is 2xx, so a
 * test never reads a problem body as if it were data. It has no runtime dependencies (only `fetch`), so
 * Playwright, vitest, tsx and plain Node load it as it is.
 */
import type { RunningSimulator } from '../server';
import type { FaultSpec, ApiFault } from '../http/faults';
import type { LoggedRequest } from '../http/request-log';
import type { DeliveryView } from '../webhooks/delivery';
import type { FaultRequest, WebhookFault } from '../webhooks/faults';
import type { Registration } from '../webhooks/registry';
import type { TestUser, TestUserInput } from '../users/test-user';
import type { UserSource } from '../users/user-directory';
import type { ClockView, ControlPaymentView } from './routes';

export type { ClockView, ControlPaymentView, DeliveryView, LoggedRequest, TestUser, TestUserInput };
/** What `GET`/`PUT /_sim/users/{phone}` answer: the user the app shows for that number, and where it came from. */
export interface TestUserView {
  user: TestUser;
  source: UserSource;
}
/** What a test may send to `POST /_sim/faults` (`count` defaults to 1). */
export type ApiFaultRequest = Omit<FaultSpec, 'count'> & { count?: number };
/** What a test may send to `POST /_sim/webhooks/faults` (`count` defaults to 1). */
export type WebhookFaultRequest = Omit<FaultRequest, 'count'> & { count?: number };

/** A control call answered with something other than 2xx; `body` is the simulator's problem body. */
export class SimulatorControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`simulator control ${method} ${path}: HTTP ${status} ${body.slice(0, 300)}`);
    this.name = 'SimulatorControlError';
  }
}

export interface SimulatorControlOptions {
  /** Defaults to the global fetch. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined);
  return pairs.length === 0 ? path : `${path}?${new URLSearchParams(pairs).toString()}`;
}

const paymentPath = (reference: string, action = '') => `/payments/${encodeURIComponent(reference)}${action}`;

/**
 * `baseUrl` is the simulator's own URL (e.g. `http://localhost:4010`, or a `RunningSimulator`), without `/_sim`.
 */
export function simulatorControl(
  baseUrl: string | Pick<RunningSimulator, 'url'>,
  options: SimulatorControlOptions = {},
) {
  const root = `${(typeof baseUrl === 'string' ? baseUrl : baseUrl.url).replace(/\/$/, '')}/_sim`;
  const send = options.fetch ?? ((url, init) => fetch(url, init));

  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    // Control calls that take no input still send `{}`: the routes read a missing body as `{}` too.
    const init: RequestInit = { method };
    if (method === 'POST' || method === 'PUT') {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body ?? {});
    }
    const response = await send(root + path, init);
    const text = await response.text();
    if (!response.ok) throw new SimulatorControlError(method, path, response.status, text);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  return {
    health: () => call<{ status: 'ok' }>('GET', '/health'),
    /** Payments, tokens, idempotency keys, faults, rate counters, clock offset, webhooks and the request list. */
    reset: () => call<{ status: 'reset' }>('POST', '/reset'),

    clock: () => call<ClockView>('GET', '/clock'),
    /** Moves the virtual clock; payments past their expiry expire (and their webhooks fire) at once. */
    advanceClock: (seconds: number) => call<ClockView>('POST', '/clock/advance', { seconds }),

    payments: () => call<ControlPaymentView[]>('GET', '/payments'),
    /** `msn` picks one payment when several merchants use the same reference. */
    payment: (reference: string, { msn }: { msn?: string } = {}) =>
      call<ControlPaymentView>('GET', withQuery(paymentPath(reference), { msn })),
    /** The shopper approves in the Vipps app (the magic test amounts do not apply, as with force approve). */
    approve: (reference: string, { phoneNumber }: { phoneNumber?: string } = {}) =>
      call<ControlPaymentView>('POST', paymentPath(reference, '/approve'), phoneNumber ? { phoneNumber } : {}),
    /** The shopper rejects in the Vipps app: ABORTED. */
    reject: (reference: string) => call<ControlPaymentView>('POST', paymentPath(reference, '/reject')),
    expire: (reference: string) => call<ControlPaymentView>('POST', paymentPath(reference, '/expire')),

    /** The API requests the simulator received (not control calls), newest last. */
    requests: async (filter: { reference?: string; method?: string } = {}) =>
      (await call<{ requests: LoggedRequest[] }>('GET', withQuery('/requests', filter))).requests,

    /** Test users of the simulated app (profile sharing); `put` fields left out come from the built-in user. */
    users: {
      get: (phone: string) => call<TestUserView>('GET', `/users/${encodeURIComponent(phone)}`),
      put: (phone: string, user: TestUserInput) =>
        call<TestUserView>('PUT', `/users/${encodeURIComponent(phone)}`, user),
    },

    setRateLimits: (enabled: boolean) => call<{ enabled: boolean }>('POST', '/rate-limits', { enabled }),

    /** Misbehaviour of the ePayment and token API (BRIEF §3 fault paths). */
    faults: {
      add: (fault: ApiFaultRequest) => call<ApiFault>('POST', '/faults', fault),
      list: () => call<ApiFault[]>('GET', '/faults'),
      clear: () => call<{ status: 'cleared' }>('DELETE', '/faults'),
    },

    webhooks: {
      deliveries: async (filter: { reference?: string; registrationId?: string } = {}) =>
        (await call<{ deliveries: DeliveryView[] }>('GET', withQuery('/webhooks/deliveries', filter))).deliveries,
      /** Attempts every delivery waiting for a backoff retry now; `includeDelayed` also releases `delay` faults. */
      retryNow: ({ includeDelayed = false }: { includeDelayed?: boolean } = {}) =>
        call<{ retried: number }>(
          'POST',
          withQuery('/webhooks/retry-now', { includeDelayed: includeDelayed ? 'true' : undefined }),
        ),
      /** Includes each registration's secret, which the real API shows only once. */
      registrations: async () =>
        (await call<{ registrations: Registration[] }>('GET', '/webhooks/registrations')).registrations,
      faults: {
        add: async (fault: WebhookFaultRequest) =>
          (await call<{ fault: WebhookFault }>('POST', '/webhooks/faults', fault)).fault,
        list: async () => (await call<{ faults: WebhookFault[] }>('GET', '/webhooks/faults')).faults,
        clear: () => call<undefined>('DELETE', '/webhooks/faults'),
      },
    },
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;
