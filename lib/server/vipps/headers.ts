// Builds the headers of every Vipps request (BRIEF §2, §3). Pure: the token and key are passed in.
import { VippsConfigError, type VippsOperation } from './errors';

/** Credentials and the four `Vipps-System-*` values (BRIEF §3), each system value at most 30 characters. */
export interface HeaderConfig {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
  systemName: string;
  systemVersion: string;
  pluginName: string;
  pluginVersion: string;
}

/**
 * Sent on every call, token call included: the docs ask for them on "all requests" and they are how
 * Vipps support identifies our traffic (BRIEF §3). The same subscription key must be used for the token
 * and for the API calls (BRIEF §2).
 */
function commonHeaders(config: HeaderConfig): Record<string, string> {
  return {
    'Ocp-Apim-Subscription-Key': config.subscriptionKey,
    'Merchant-Serial-Number': config.merchantSerialNumber,
    'Vipps-System-Name': config.systemName,
    'Vipps-System-Version': config.systemVersion,
    'Vipps-System-Plugin-Name': config.pluginName,
    'Vipps-System-Plugin-Version': config.pluginVersion,
  };
}

/** `POST /accesstoken/get`: credentials go in headers and there is no body (BRIEF §2). */
export function buildTokenHeaders(config: HeaderConfig): Headers {
  return new Headers({
    ...commonHeaders(config),
    client_id: config.clientId,
    client_secret: config.clientSecret,
    Accept: 'application/json',
  });
}

export function buildApiHeaders(
  config: HeaderConfig,
  input: { accessToken: string; idempotencyKey?: string; hasJsonBody: boolean },
): Headers {
  const headers = new Headers({
    ...commonHeaders(config),
    // "Bearer" is required; without it the API answers 401 (BRIEF §2).
    Authorization: `Bearer ${input.accessToken}`,
    // AdjustResponse is declared as problem+json in the spec but sent as JSON (BRIEF §4): accept both.
    Accept: 'application/json, application/problem+json',
  });
  if (input.hasJsonBody) headers.set('Content-Type', 'application/json');
  if (input.idempotencyKey !== undefined) headers.set('Idempotency-Key', input.idempotencyKey);
  return headers;
}

/**
 * The spec allows at most 50 characters (BRIEF §3). We also require visible ASCII so the key is a valid
 * header value and survives logs unchanged. The caller derives the key from its own operation row, so a
 * retry after a crash reuses it; this client never invents one.
 */
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,50}$/;

export function assertIdempotencyKey(
  key: unknown,
  context: { operation: VippsOperation; reference?: string },
): asserts key is string {
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new VippsConfigError(
      'an Idempotency-Key of 1–50 visible ASCII characters is required (derive it from the operation row)',
      context,
    );
  }
}
