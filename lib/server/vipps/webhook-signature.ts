// Vipps webhook request authentication (BRIEF §8, "request-authentication.md"): HMAC-SHA256 over
// "POST\n<pathAndQuery>\n<x-ms-date>;<host>;<content hash>", keyed with the UTF-8 bytes of the secret as
// returned at registration (not base64-decoded). Pure: no config, no clock; the caller passes both.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

const SIGNED_HEADERS = 'x-ms-date;host;x-ms-content-sha256';

export function contentHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64');
}

function signature(secret: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(stringToSign, 'utf8').digest('base64');
}

function stringToSign(pathAndQuery: string, date: string, host: string, hash: string): string {
  // `\n`, not `\r\n` (BRIEF §8). The method is always POST for webhook deliveries.
  return `POST\n${pathAndQuery}\n${date};${host};${hash}`;
}

function authorizationValue(sig: string): string {
  return `HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=${sig}`;
}

export interface SignedWebhook {
  contentHash: string;
  signature: string;
  /** The headers a Vipps delivery carries, ready to send (used by tests and tooling). */
  headers: { 'x-ms-date': string; 'x-ms-content-sha256': string; host: string; authorization: string };
}

/** Signs a delivery the way Vipps does; `url` is the full registered URL. */
export function signWebhook(input: { secret: string; url: string; body: string | Uint8Array; date: string }) {
  const url = new URL(input.url);
  const hash = contentHash(input.body);
  const sig = signature(input.secret, stringToSign(url.pathname + url.search, input.date, url.host, hash));
  return {
    contentHash: hash,
    signature: sig,
    headers: {
      'x-ms-date': input.date,
      'x-ms-content-sha256': hash,
      host: url.host,
      authorization: authorizationValue(sig),
    },
  } satisfies SignedWebhook;
}

export type WebhookVerificationFailure =
  /** The argument is not a usable input: not an object, or a field of the wrong type or empty. */
  | 'invalid-input'
  /** The registration secret is missing or empty: anyone could sign with the empty key. */
  | 'missing-secret'
  /** `now` or `maxSkewMs` is not a finite, non-negative number, so the date window cannot be checked. */
  | 'invalid-clock'
  | 'method-not-post'
  | 'missing-header'
  | 'duplicate-header'
  | 'content-hash-mismatch'
  | 'signature-mismatch'
  | 'invalid-date'
  | 'stale-date';

export type WebhookVerificationResult = { ok: true } | { ok: false; reason: WebhookVerificationFailure };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookInput {
  /** The `secret` returned when the webhook was registered (BRIEF §8); never empty. */
  secret: string;
  method: string;
  /**
   * Path plus query of the URL **as registered with Vipps**, from configuration (PUBLIC_BASE_URL + the
   * webhook route): behind a proxy the incoming request URL can differ from what Vipps signed.
   */
  url: string;
  /** Host (with non-default port) of the registered URL, from configuration, never the Host header. */
  host: string;
  headers: HeaderSource;
  /** The exact bytes received; parse JSON only after verification succeeds. */
  rawBody: string | Uint8Array;
  /** Epoch milliseconds. */
  now: number;
  maxSkewMs?: number;
}

/**
 * Checks, in order: that the input is usable (a non-empty secret, a finite clock), the method, presence of
 * the signing headers, the content hash, the HMAC over the whole `Authorization` value (both with
 * constant-time comparisons), then that `x-ms-date` is within `maxSkewMs` of `now` (the date is covered by
 * the HMAC, so it is trusted only after the HMAC matched).
 *
 * Total: every input, however malformed, gets a refusal with a reason, never an exception. A verifier that
 * throws turns into a 500 in the route, and a check a caller has to wrap in try/catch is one that some
 * caller will get wrong. Replays of a genuine delivery are not detected here: Vipps redelivers on purpose
 * (BRIEF §8 "Handlers must be idempotent"), so the receiver dedupes by event identity.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerificationResult {
  try {
    return verifyChecked(input);
  } catch {
    // Only reachable through inputs the checks below cannot see into (a getter or a Headers look-alike
    // that throws). Refusing is the safe answer.
    return fail('invalid-input');
  }
}

function verifyChecked(input: VerifyWebhookInput): WebhookVerificationResult {
  const problem = inputProblem(input);
  if (problem) return fail(problem);
  if (input.method.toUpperCase() !== 'POST') return fail('method-not-post');
  const date = header(input.headers, 'x-ms-date');
  const claimedHash = header(input.headers, 'x-ms-content-sha256');
  const authorization = header(input.headers, 'authorization');
  if (date === INVALID || claimedHash === INVALID || authorization === INVALID) return fail('invalid-input');
  if (date === DUPLICATE || claimedHash === DUPLICATE || authorization === DUPLICATE) return fail('duplicate-header');
  if (!date || !claimedHash || !authorization) return fail('missing-header');

  const hash = contentHash(input.rawBody);
  if (!constantTimeEqual(hash, claimedHash)) return fail('content-hash-mismatch');

  const expected = authorizationValue(signature(input.secret, stringToSign(input.url, date, input.host, hash)));
  if (!constantTimeEqual(expected, authorization)) return fail('signature-mismatch');

  const sentAt = Date.parse(date);
  if (Number.isNaN(sentAt)) return fail('invalid-date');
  if (Math.abs(input.now - sentAt) > (input.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return fail('stale-date');
  return { ok: true };
}

/**
 * The input's shape, checked at run time: the types say what callers should pass, but the values come from
 * request handlers and configuration, where `undefined` and `NaN` slip through.
 */
function inputProblem(input: unknown): WebhookVerificationFailure | undefined {
  if (typeof input !== 'object' || input === null) return 'invalid-input';
  const i = input as Record<string, unknown>;
  // HMAC with an empty key is computable by anyone, so an unset secret must never verify.
  if (typeof i.secret !== 'string' || i.secret.trim() === '') return 'missing-secret';
  if (!isNonNegativeFinite(i.now)) return 'invalid-clock';
  if (i.maxSkewMs !== undefined && !isNonNegativeFinite(i.maxSkewMs)) return 'invalid-clock';
  if (typeof i.method !== 'string') return 'invalid-input';
  // A path always starts with '/': a full URL here would be signed as the wrong string.
  if (typeof i.url !== 'string' || !i.url.startsWith('/')) return 'invalid-input';
  if (typeof i.host !== 'string' || i.host === '') return 'invalid-input';
  if (typeof i.headers !== 'object' || i.headers === null) return 'invalid-input';
  if (typeof i.rawBody !== 'string' && !(i.rawBody instanceof Uint8Array)) return 'invalid-input';
  return undefined;
}

const isNonNegativeFinite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Host and path+query Vipps signs for our webhook URL, derived from configuration (not the request). */
export function webhookSigningTarget(publicBaseUrl: string, webhookPath: string): { host: string; url: string } {
  // Concatenate rather than `new URL(path, base)`, which would drop a base path such as `/shop`.
  const url = new URL(publicBaseUrl.replace(/\/+$/, '') + (webhookPath.startsWith('/') ? '' : '/') + webhookPath);
  return { host: url.host, url: url.pathname + url.search };
}

const fail = (reason: WebhookVerificationFailure): WebhookVerificationResult => ({ ok: false, reason });

const DUPLICATE = Symbol('duplicate header');
const INVALID = Symbol('header value is not a string');

/**
 * The single value of a signing header. Several values (an array, or the same name in two casings of a
 * plain object) are refused rather than picking one: which copy a proxy or framework keeps is not ours to
 * guess. (`Headers` joins repeats with ", ", which then fails the hash or HMAC comparison.) A value that is
 * not a string is malformed input, not a header.
 */
function header(headers: HeaderSource, name: string): string | typeof DUPLICATE | typeof INVALID | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const values: unknown[] = Object.keys(headers)
    .filter((k) => k.toLowerCase() === name)
    .flatMap((k) => headers[k] ?? []);
  if (values.some((v) => typeof v !== 'string')) return INVALID;
  if (values.length > 1) return DUPLICATE;
  return values[0] as string | undefined;
}

/**
 * `timingSafeEqual` needs equal-length buffers and would leak the length otherwise, so both sides are
 * hashed to 32 bytes first; equal digests mean equal strings.
 */
function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}
