/**
 * Test harness: starts a real simulator on a random port and talks to it over HTTP like any Vipps client.
 * Every API response goes through the OpenAPI contract check (`expectResponseMatchesSpec`), so the behaviour
 * tests never hand-check shapes. Problems must also arrive as `application/problem+json` (BRIEF §7).
 */
import { randomUUID } from 'node:crypto';
import type { SimConfig } from '../../src/config';
import { simulatorControl } from '../../src/control/client';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';
import { startSimulator, type RunningSimulator } from '../../src/server';
import { expectResponseMatchesSpec, type SpecName } from './openapi';

export const {
  msn: MSN,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  subscriptionKey: SUBSCRIPTION_KEY,
} = SIMULATOR_CREDENTIALS;

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** `undefined` removes a default header (to test missing ones). */
export type HeaderOverrides = Record<string, string | undefined>;

export interface CallOptions {
  headers?: HeaderOverrides;
  body?: unknown;
  /** Raw text body, sent as is (for invalid JSON). */
  rawBody?: string;
  /** Idempotency-Key; defaults to a fresh UUID on operations that need one. */
  key?: string;
}

export type Problem = {
  type: string;
  title: string;
  detail?: string;
  status: number;
  traceId: string;
  instance?: string;
  extraDetails?: { name: string; reason: string }[];
};

/** Bodies are typed for success; read an error answer through this. */
export const problemOf = (body: unknown): Problem => body as Problem;

export const errorCodeOf = (body: unknown): string | undefined =>
  problemOf(body).extraDetails?.find((d) => d.name === 'ErrorCode')?.reason;

export const reference = (prefix = 'order') => `${prefix}-${randomUUID().slice(0, 18)}`;

export function paymentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: { currency: 'NOK', value: 24900 },
    paymentMethod: { type: 'WALLET' },
    reference: reference(),
    userFlow: 'WEB_REDIRECT',
    returnUrl: 'https://shop.example/return?order=1',
    paymentDescription: 'Hiking boots',
    ...overrides,
  };
}

export class SimApi {
  private cachedToken: string | undefined;
  /** The package's typed control client; `control()` below is the raw probe the control-route tests need. */
  readonly controls: ReturnType<typeof simulatorControl>;

  constructor(
    readonly running: RunningSimulator,
    readonly msn: string = MSN,
  ) {
    this.controls = simulatorControl(running);
  }

  get url() {
    return this.running.url;
  }
  get sim() {
    return this.running.simulator;
  }

  async token(): Promise<string> {
    if (!this.cachedToken) {
      const res = await this.request('token', 'POST', '/accesstoken/get', { headers: this.tokenHeaders() });
      this.cachedToken = (res.body as { access_token: string }).access_token;
    }
    return this.cachedToken;
  }

  /** `POST /_sim/reset` (which also forgets tokens), then fetch a fresh token on the next call. */
  async reset(): Promise<void> {
    await this.controls.reset();
    this.cachedToken = undefined;
  }

  forgetToken(): void {
    this.cachedToken = undefined;
  }

  tokenHeaders(): HeaderOverrides {
    return { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY };
  }

  /** Any call, validated against `spec`. Use the typed helpers below for the ePayment operations. */
  async request<T = unknown>(
    spec: SpecName,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiResult<T>> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(options.headers ?? {}))
      if (value !== undefined) headers.set(name, value);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const res = await fetch(this.url + path, { method, headers, body });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const parsed: unknown = text && contentType.includes('json') ? JSON.parse(text) : text || undefined;
    expectResponseMatchesSpec(spec, method, path, res.status, parsed);
    if (spec === 'epayment' && res.status >= 400 && !(res.status === 401 || res.status === 429)) {
      if (!contentType.startsWith('application/problem+json')) {
        throw new Error(`${method} ${path} → ${res.status} came as ${contentType}, expected application/problem+json`);
      }
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Default ePayment headers, with overrides applied (undefined removes one). */
  async apiHeaders(overrides: HeaderOverrides = {}, key?: string): Promise<HeaderOverrides> {
    return {
      Authorization: `Bearer ${await this.token()}`,
      'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY,
      'Merchant-Serial-Number': this.msn,
      ...(key !== undefined && { 'Idempotency-Key': key }),
      ...overrides,
    };
  }

  private async epayment<T>(method: string, path: string, options: CallOptions, needsKey: boolean) {
    const key = needsKey ? (options.key ?? randomUUID()) : options.key;
    const headers = await this.apiHeaders(options.headers, key);
    return this.request<T>('epayment', method, path, { ...options, headers });
  }

  create(body: unknown, options: CallOptions = {}) {
    return this.epayment<{ reference: string; redirectUrl?: string }>(
      'POST',
      '/epayment/v1/payments',
      { ...options, body },
      true,
    );
  }
  get(ref: string, options: CallOptions = {}) {
    return this.epayment<GetPayment>('GET', `/epayment/v1/payments/${ref}`, options, false);
  }
  events(ref: string, options: CallOptions = {}) {
    return this.epayment<PaymentEvent[]>('GET', `/epayment/v1/payments/${ref}/events`, options, false);
  }
  capture(ref: string, value: number, options: CallOptions = {}) {
    const body = options.body ?? { modificationAmount: { currency: 'NOK', value } };
    return this.epayment<GetPayment>('POST', `/epayment/v1/payments/${ref}/capture`, { ...options, body }, true);
  }
  refund(ref: string, value: number, options: CallOptions = {}) {
    const body = options.body ?? { modificationAmount: { currency: 'NOK', value } };
    return this.epayment<GetPayment>('POST', `/epayment/v1/payments/${ref}/refund`, { ...options, body }, true);
  }
  cancel(ref: string, options: CallOptions = {}) {
    return this.epayment<GetPayment>('POST', `/epayment/v1/payments/${ref}/cancel`, options, true);
  }
  forceApprove(ref: string, body: unknown = {}, options: CallOptions = {}) {
    return this.epayment<undefined>('POST', `/epayment/v1/test/payments/${ref}/approve`, { ...options, body }, false);
  }

  /** Creates a WEB_REDIRECT payment (or with overrides) and returns its reference; asserts 201. */
  async createPayment(overrides: Record<string, unknown> = {}): Promise<string> {
    const body = paymentBody(overrides);
    const res = await this.create(body);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return body.reference as string;
  }

  async authorizedPayment(value = 100_000): Promise<string> {
    const ref = await this.createPayment({ amount: { currency: 'NOK', value } });
    const approved = await this.forceApprove(ref, { customer: { phoneNumber: '4791234567' } });
    if (approved.status !== 200) throw new Error(`force approve failed: ${approved.status}`);
    return ref;
  }

  /** Test-control call (`/_sim/...`); not part of any spec, so not contract-checked. */
  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${this.url}/_sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  advanceClock(seconds: number) {
    return this.control<{ now: string }>('POST', '/clock/advance', { seconds });
  }
}

export interface Amount {
  currency: string;
  value: number;
}
export interface GetPayment {
  state: string;
  amount: Amount;
  aggregate: Record<'authorizedAmount' | 'cancelledAmount' | 'capturedAmount' | 'refundedAmount', Amount>;
  pspReference: string;
  reference: string;
  redirectUrl?: string;
  profile: { sub?: string };
  metadata?: Record<string, string>;
  captureGuaranteedUntil?: string;
}
export interface PaymentEvent {
  reference: string;
  pspReference: string;
  name: string;
  amount: Amount;
  timestamp: string;
  idempotencyKey: string | null;
  success: boolean;
}

/** Starts a quiet simulator on a random port. Call `close()` in afterAll. */
export async function startTestSimulator(config: Partial<SimConfig> = {}): Promise<SimApi> {
  const running = await startSimulator({ port: 0, logLevel: 'warn', ...config });
  return new SimApi(running);
}

/** aggregate as plain numbers, for compact assertions. */
export const values = (p: GetPayment) => ({
  authorized: p.aggregate.authorizedAmount.value,
  captured: p.aggregate.capturedAmount.value,
  refunded: p.aggregate.refundedAmount.value,
  cancelled: p.aggregate.cancelledAmount.value,
});
