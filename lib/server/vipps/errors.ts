/**
 * The one error family the Vipps client throws. Every failure of a client call is a `VippsError`; callers
 * branch on `kind` (which failure) or `outcome` (what they may assume about the payment) and, for rejections,
 * on `status` + `code` (BRIEF §7: "Titles may change, so branch on the status and the code").
 *
 * | class                     | kind                 | outcome    | what the caller should do                   |
 * |---------------------------|----------------------|------------|---------------------------------------------|
 * | `VippsRejectedError`      | `rejected`           | `rejected` | Vipps refused it; nothing changed. Do not   |
 * |                           |                      |            | resend with the same key.                   |
 * | `VippsNotPerformedError`  | `not-performed`      | `rejected` | Nothing changed (rate-limited, no token);   |
 * |                           |                      |            | try again later.                            |
 * | `VippsOutcomeUnknownError`| `outcome-unknown`    | `unknown`  | Keep the operation row; retry with the SAME |
 * |                           |                      |            | key later, or read the payment back.        |
 * | `VippsResponseError`      | `malformed-response` | `unknown`  | 2xx with an unusable body; read it back.    |
 * | `VippsAuthError`          | `auth`               | `rejected` | Wrong credentials; alert an operator.       |
 * | `VippsConfigError`        | `config`             | `not-sent` | Our bug or config; nothing was sent.        |
 *
 * Recognise them with `isVippsError(error, kind)`, never `instanceof`: the client lives on globalThis and its
 * errors may come from another route bundle's copy of this file (lib/brand.ts explains). For the same reason
 * each class names itself with a literal: a minified build leaves `new.target.name` empty.
 */
import { createBrand } from '../../brand';

/** Every operation the client performs; used in errors and log lines. */
export type VippsOperation =
  | 'token'
  | 'createPayment'
  | 'getPayment'
  | 'getPaymentEvents'
  | 'capturePayment'
  | 'refundPayment'
  | 'cancelPayment'
  | 'forceApprove'
  | 'registerWebhook'
  | 'listWebhooks'
  | 'deleteWebhook'
  | 'getUserinfo';

/**
 * - `rejected`: Vipps definitely did not perform the operation: a 4xx answer, or no attempt of the call can
 *   have had an effect (every one refused with 429, or none sent for want of a token).
 * - `unknown`: it may or may not have happened (timeout, lost connection, 5xx/423 until the deadline, or any
 *   ending after such an attempt).
 * - `not-sent`: the client refused before sending anything.
 */
export type VippsOutcome = 'rejected' | 'unknown' | 'not-sent';

export interface VippsErrorDetails {
  operation: VippsOperation;
  /** The payment reference (or webhook id) the call was about, when there is one. */
  reference?: string;
  /** HTTP status of the last response, when there was one. */
  status?: number;
  /** Vipps error code from `extraDetails[{name: 'ErrorCode', reason}]`, e.g. `'6090'` (BRIEF §7). */
  code?: string;
  title?: string;
  detail?: string;
  /** Vipps trace id from the Problem body or response headers: quote it to Vipps support. */
  traceId?: string;
  cause?: unknown;
}

/** Which member of the family an error is; the one thing to branch on besides `outcome`. */
export type VippsErrorKind = keyof VippsErrorsByKind;

interface VippsErrorsByKind {
  rejected: VippsRejectedError;
  'not-performed': VippsNotPerformedError;
  'outcome-unknown': VippsOutcomeUnknownError;
  'malformed-response': VippsResponseError;
  auth: VippsAuthError;
  config: VippsConfigError;
}

const VIPPS_ERROR = createBrand('vipps-error');

/** Any Vipps client error, or (with `kind`) one member of the family, whichever bundle's copy made it. */
export function isVippsError(error: unknown): error is VippsError;
export function isVippsError<K extends VippsErrorKind>(error: unknown, kind: K): error is VippsErrorsByKind[K];
export function isVippsError(error: unknown, kind?: VippsErrorKind): boolean {
  return VIPPS_ERROR.isOn(error) && (kind === undefined || (error as VippsError).kind === kind);
}

export abstract class VippsError extends Error {
  abstract readonly kind: VippsErrorKind;
  abstract readonly outcome: VippsOutcome;
  readonly operation: VippsOperation;
  readonly reference?: string;
  readonly status?: number;
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly traceId?: string;

  constructor(message: string, details: VippsErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    VIPPS_ERROR.mark(this);
    this.operation = details.operation;
    this.reference = details.reference;
    this.status = details.status;
    this.code = details.code;
    this.title = details.title;
    this.detail = details.detail;
    this.traceId = details.traceId;
  }
}

/**
 * Vipps answered with a 4xx Problem (other than a 401 that a token refresh fixed): the operation was
 * **definitely not performed**. Branch on `status` and `code` (e.g. 400 + `'6090'` capture amount too high,
 * 409 + `'4010'` idempotency conflict). Do not resend with the same Idempotency-Key: "a 4xx response stays
 * 4xx for that key" (BRIEF §3). Mark the operation failed, or fix the input and use a new key.
 */
export class VippsRejectedError extends VippsError {
  override readonly name = 'VippsRejectedError';
  readonly kind = 'rejected' as const;
  readonly outcome = 'rejected' as const;
  declare readonly status: number;

  constructor(details: VippsErrorDetails & { status: number }) {
    super(describe('rejected', details), details);
  }
}

/**
 * The operation **may or may not have been performed**: an attempt timed out or lost its connection after it
 * was sent, or got a 5xx, or Vipps kept answering 423 until the retry deadline. The caller must:
 * keep the pending operation row (with its Idempotency-Key), and later either retry with the **same key**
 * (Vipps then replays the first result instead of acting twice, BRIEF §3) or read the payment back with
 * `getPayment`/`getPaymentEvents` and reconcile. Never retry with a new key: that can double-capture/refund.
 * For reads (get, events, list) it simply means Vipps was unavailable; try again later.
 */
export class VippsOutcomeUnknownError extends VippsError {
  override readonly name = 'VippsOutcomeUnknownError';
  readonly kind = 'outcome-unknown' as const;
  readonly outcome = 'unknown' as const;
  /** Why we gave up: the last thing that went wrong. */
  readonly reason: 'timeout' | 'network' | 'retryable-status' | 'deadline' | 'token-unavailable';
  readonly attempts: number;

  constructor(details: VippsErrorDetails & { reason: VippsOutcomeUnknownError['reason']; attempts: number }) {
    super(`${describe('outcome unknown', details)} after ${details.attempts} attempt(s): ${details.reason}`, details);
    this.reason = details.reason;
    this.attempts = details.attempts;
  }
}

/**
 * The operation was **definitely not performed**, but not because Vipps judged it: every request this call
 * sent was turned away unprocessed (429 rate limit, BRIEF §4; a 401 that a token refresh answered), or none
 * could be sent (no access token in time, or the deadline passed first). No attempt can have had an effect,
 * so Vipps holds nothing under the Idempotency-Key from this call: try again later with the same key (or a
 * new one). `reason` says what stopped it; `status` is the last HTTP status seen, if any (the token
 * endpoint's when the token call is what failed).
 *
 * It speaks for this call only. If the call was itself a retry of one that ended in
 * `VippsOutcomeUnknownError`, that earlier outcome is still unknown: keep reconciling it (read the payment
 * back), do not mark it failed.
 */
export class VippsNotPerformedError extends VippsError {
  override readonly name = 'VippsNotPerformedError';
  readonly kind = 'not-performed' as const;
  readonly outcome = 'rejected' as const;
  readonly reason: 'rate-limited' | 'token-unavailable' | 'deadline';
  readonly attempts: number;

  constructor(details: VippsErrorDetails & { reason: VippsNotPerformedError['reason']; attempts: number }) {
    super(`${describe('not performed', details)} after ${details.attempts} attempt(s): ${details.reason}`, details);
    this.reason = details.reason;
    this.attempts = details.attempts;
  }
}

/**
 * Vipps answered 2xx but the body did not match the contract (malformed JSON, missing fields), or was
 * not a believable answer to our call: about another payment `reference`, or with an `aggregate` that does
 * not add up (captured above authorized, refunded above captured; see response-checks.ts). For a
 * modification the status says it happened, but we cannot trust the details: treat it like an unknown
 * outcome and read the payment back. `issues` names the offending fields (never the body, which for the
 * token call would contain the access token).
 */
export class VippsResponseError extends VippsError {
  override readonly name = 'VippsResponseError';
  readonly kind = 'malformed-response' as const;
  readonly outcome = 'unknown' as const;
  readonly issues: string[];

  constructor(details: VippsErrorDetails & { issues: string[] }) {
    super(`${describe('malformed response', details)}: ${details.issues.join('; ')}`, details);
    this.issues = details.issues;
  }
}

/**
 * Vipps refused our credentials: the token endpoint said 400/401, or an API call was still 401 after
 * fetching a fresh token once (wrong subscription key, keys for the wrong environment, BRIEF §2/§7).
 * Nothing was performed. Retrying will not help; an operator must fix the configuration.
 */
export class VippsAuthError extends VippsError {
  override readonly name = 'VippsAuthError';
  readonly kind = 'auth' as const;
  readonly outcome = 'rejected' as const;

  constructor(details: VippsErrorDetails) {
    super(describe('authentication failed', details), details);
  }
}

/**
 * The client refused to send the request: a missing/invalid Idempotency-Key, a non-integer amount, a
 * header value over 30 characters, force-approve against production. A bug in the caller or config.
 */
export class VippsConfigError extends VippsError {
  override readonly name = 'VippsConfigError';
  readonly kind = 'config' as const;
  readonly outcome = 'not-sent' as const;

  constructor(message: string, details: VippsErrorDetails) {
    super(`Vipps ${details.operation}: ${message}`, details);
  }
}

function describe(what: string, d: VippsErrorDetails): string {
  const parts = [`Vipps ${d.operation}${d.reference ? ` (${d.reference})` : ''} ${what}`];
  if (d.status !== undefined) parts.push(`HTTP ${d.status}`);
  if (d.code) parts.push(`code ${d.code}`);
  if (d.title) parts.push(d.title);
  if (d.traceId) parts.push(`traceId ${d.traceId}`);
  return parts.join(', ');
}
