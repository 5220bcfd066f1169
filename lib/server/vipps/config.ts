import type { Env } from '../env/schema';
import { VippsConfigError } from './errors';
import type { ExchangeObserver } from './exchange';
import type { HeaderConfig } from './headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Everything the client needs to know; built from the validated env in production (see `index.ts`). */
export interface VippsClientConfig extends HeaderConfig {
  /** `http://localhost:4010` (simulator), `https://apitest.vipps.no` or `https://api.vipps.no` (BRIEF §1). */
  baseUrl: string;
  /** Per-attempt timeout; an attempt that takes longer is aborted and counted as "outcome unknown". */
  requestTimeoutMs: number;
  /** Overall budget for one call including all retries and backoff sleeps. */
  retryDeadlineMs: number;
  /** Force approve exists only in test environments (BRIEF §9); refuse it against production. */
  allowForceApprove: boolean;
  retryPolicy?: Partial<RetryPolicy>;
  /** Told about every attempt (the API log); absent in most tests. */
  onExchange?: ExchangeObserver;
}

/** Name sent as Vipps-System-Plugin-Name: this codebase, as opposed to the shop's system name. */
export const PLUGIN_NAME = 'vipps-epayment-demo-shop';

const PRODUCTION_HOST = 'api.vipps.no';

export function vippsConfigFromEnv(env: Env, appVersion: string): VippsClientConfig {
  return {
    baseUrl: env.VIPPS_BASE_URL,
    clientId: env.VIPPS_CLIENT_ID,
    clientSecret: env.VIPPS_CLIENT_SECRET,
    subscriptionKey: env.VIPPS_SUBSCRIPTION_KEY,
    merchantSerialNumber: env.VIPPS_MSN,
    systemName: env.VIPPS_SYSTEM_NAME,
    systemVersion: appVersion,
    pluginName: PLUGIN_NAME,
    pluginVersion: appVersion,
    requestTimeoutMs: env.VIPPS_REQUEST_TIMEOUT_MS,
    retryDeadlineMs: env.VIPPS_RETRY_DEADLINE_MS,
    allowForceApprove: new URL(env.VIPPS_BASE_URL).hostname !== PRODUCTION_HOST,
  };
}

/** Printable ASCII, which every header value accepts unchanged. */
const HEADER_SAFE = /^[\x20-\x7e]+$/;

function pickCredentials(config: VippsClientConfig) {
  const { clientId, clientSecret, subscriptionKey, merchantSerialNumber } = config;
  return { clientId, clientSecret, subscriptionKey, merchantSerialNumber };
}

/** Fails fast at client creation rather than on the first payment (header limits from BRIEF §3). */
export function validateConfig(config: VippsClientConfig): VippsClientConfig & { retryPolicy: RetryPolicy } {
  const problems: string[] = [];
  const systemHeaders = {
    systemName: config.systemName,
    systemVersion: config.systemVersion,
    pluginName: config.pluginName,
    pluginVersion: config.pluginVersion,
  };
  for (const [key, value] of Object.entries(systemHeaders)) {
    if (value.length < 1 || value.length > 30) problems.push(`${key} must be 1–30 characters`);
  }
  for (const key of ['clientId', 'clientSecret', 'subscriptionKey', 'merchantSerialNumber'] as const) {
    if (!config[key]) problems.push(`${key} is required`);
  }
  // Every value below becomes a header. An invalid header value (a line break, non-Latin-1) makes `Headers`
  // throw a TypeError that quotes the value, which would put the secret into error messages and logs.
  // Report the key only.
  const headerValues = { ...systemHeaders, ...pickCredentials(config) };
  for (const [key, value] of Object.entries(headerValues)) {
    if (value && !HEADER_SAFE.test(value)) problems.push(`${key} must be printable ASCII`);
  }
  try {
    new URL(config.baseUrl);
  } catch {
    problems.push('baseUrl must be an absolute URL');
  }
  if (!(config.requestTimeoutMs > 0)) problems.push('requestTimeoutMs must be positive');
  if (!(config.retryDeadlineMs > 0)) problems.push('retryDeadlineMs must be positive');
  if (problems.length > 0) {
    throw new VippsConfigError(`invalid client configuration: ${problems.join('; ')}`, { operation: 'token' });
  }
  return {
    ...config,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    retryPolicy: { ...DEFAULT_RETRY_POLICY, ...config.retryPolicy },
  };
}
