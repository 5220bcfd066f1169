/**
 * The one error family the Vipps client throws. Every failure of a client call is a `VippsError`; callers
 * branch on `outcome` (what they may assume about the payment) and, for rejections, on `status` + `code`
 * (BRIEF §7: "Titles may change, so branch on the status and the code").
 *
 * | class                     | outcome    | what the caller should do                                          |
 * |---------------------------|------------|--------------------------------------------------------------------|
 * | `VippsRejectedError`      | `rejected` | Vipps refused it; nothing changed. Do not resend with the same key.|
 * | `VippsNotPerformedError`  | `rejected` | Nothing changed (rate-limited, or no token); try again later.      |
 * | `VippsOutcomeUnknownError`| `unknown`  | Keep the operation row; retry later with the SAME key or read back.|
 * | `VippsResponseError`      | `unknown`  | Vipps said 2xx but the body was unusable; read the payment back.   |
 * | `VippsAuthError`          | `rejected` | Credentials/subscription key are wrong; alert an operator.         |
 * | `VippsConfigError`        | `not-sent` | A programming or configuration bug; nothing was sent to Vipps.     |
 */

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
  | 'deleteWebhook';

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

export abstract class VippsError extends Error {
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
    this.name = new.target.name;
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
