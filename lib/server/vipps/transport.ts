// The retry loop around `performAttempt`: token handling, 401 refresh, retries with backoff inside an
// overall deadline, and the mapping of every ending to exactly one result or one typed `VippsError`.
import { performAttempt, type FetchLike, type VippsLogger } from './attempt';
import type { VippsClientConfig } from './config';
import {
  VippsAuthError,
  VippsError,
  VippsOutcomeUnknownError,
  VippsRejectedError,
  VippsResponseError,
  type VippsErrorDetails,
} from './errors';
import { buildApiHeaders, buildTokenHeaders } from './headers';
import { safeJsonParse, summarizeProblem, traceIdFromHeaders, type ProblemSummary } from './problem';
import type { VippsRequestSpec } from './requests';
import { isRetryableFailure, isRetryableStatus, nextDelayMs, type RetryPolicy } from './retry-policy';
import { TokenWaitExpiredError, type TokenCache } from './token-cache';

export interface TransportDeps {
  fetch: FetchLike;
  /** Epoch milliseconds; injected so tests control token expiry and deadlines. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); injected so backoff jitter is deterministic in tests. */
  random: () => number;
  logger: VippsLogger;
}

/** `bearer`: an ePayment/Webhooks call. `client-credentials`: the token call itself (BRIEF §2). */
export type AuthKind = 'bearer' | 'client-credentials';

type LastFailure = { reason: VippsOutcomeUnknownError['reason']; status?: number; summary?: ProblemSummary };

const encoder = new TextEncoder();

export function createTransport(
  config: VippsClientConfig & { retryPolicy: RetryPolicy },
  deps: TransportDeps,
  tokens: () => TokenCache,
) {
  async function send<T>(spec: VippsRequestSpec<T>, auth: AuthKind = 'bearer'): Promise<T> {
    const deadline = deps.now() + config.retryDeadlineMs;
    const policy = config.retryPolicy;
    // Serialised once: every attempt sends identical bytes with the identical key (BRIEF §3, 4010/409).
    const body = spec.bodyText === undefined ? undefined : encoder.encode(spec.bodyText);
    const context = { operation: spec.operation, reference: spec.reference };
    let refreshedAfter401 = false;
    // True once an attempt may have reached Vipps without a definite answer (timeout, network, 5xx).
    let mayHaveBeenPerformed = false;
    let last: LastFailure | undefined;

    const unknown = (attempts: number, failure: LastFailure, cause?: unknown) =>
      new VippsOutcomeUnknownError({
        ...context,
        ...failure.summary,
        status: failure.status,
        reason: failure.reason,
        attempts,
        cause,
      });

    /** Waits before the next attempt, or gives up when the wait would cross the deadline. */
    async function backoff(attempt: number, failure: LastFailure, retryAfter?: string | null) {
      const delay = nextDelayMs({ attempt, retryAfter, nowMs: deps.now(), policy, random: deps.random });
      if (attempt >= policy.maxAttempts) throw unknown(attempt, failure);
      if (deps.now() + delay >= deadline) throw unknown(attempt, { ...failure, reason: 'deadline' });
      await deps.sleep(delay);
    }

    for (let attempt = 1; ; attempt++) {
      const remaining = deadline - deps.now();
      if (remaining <= 0) throw unknown(attempt - 1, { ...(last ?? {}), reason: 'deadline' });

      let accessToken: string | undefined;
      if (auth === 'bearer') {
        try {
          // Bounded by this call's deadline, not the token fetch's own budget, so fetching a token can never
          // stretch a call past `retryDeadlineMs`.
          accessToken = await tokens().get(deadline);
        } catch (error) {
          throw tokenFailure(error, { ...context, attempts: attempt - 1, last, mayHaveBeenPerformed });
        }
      }
      // Measured after the token wait: the attempt gets only what is left of the call's budget.
      const timeoutMs = Math.min(config.requestTimeoutMs, deadline - deps.now());
      if (timeoutMs <= 0) throw unknown(attempt - 1, { ...(last ?? {}), reason: 'deadline' });
      const headers =
        auth === 'bearer'
          ? buildApiHeaders(config, {
              accessToken: accessToken ?? '',
              idempotencyKey: spec.idempotencyKey,
              hasJsonBody: body !== undefined,
            })
          : buildTokenHeaders(config);

      const result = await performAttempt(
        {
          ...context,
          idempotencyKey: spec.idempotencyKey,
          attempt,
          method: spec.method,
          baseUrl: config.baseUrl,
          path: spec.path,
          headers,
          body,
          timeoutMs,
        },
        deps,
      );

      if (result.kind === 'failure') {
        // The request may have been processed and only the answer lost: never assume it failed.
        mayHaveBeenPerformed = true;
        last = { reason: result.reason };
        if (!isRetryableFailure(spec.retryMode)) throw unknown(attempt, last, result.error);
        await backoff(attempt, last);
        continue;
      }

      const { status } = result;
      if (status >= 200 && status <= 299) return parseSuccess(spec, result.bodyText, result.headers, status);

      const summary = summarizeProblem(result.bodyText, result.headers);
      if (status === 401 && auth === 'bearer' && !refreshedAfter401 && accessToken !== undefined) {
        // An expired or revoked token: fetch a new one once and retry at once (BRIEF §2).
        tokens().invalidate(accessToken);
        refreshedAfter401 = true;
        continue;
      }
      if (mayHaveBeenPerformed && (status === 401 || status === 403)) {
        // The gateway refused this attempt before it reached the payment, which says nothing about the
        // earlier attempt whose answer we lost: reporting "rejected" here could lead to a second capture.
        throw unknown(attempt, { reason: 'retryable-status', status, summary });
      }
      if (status === 401 || (auth === 'client-credentials' && (status === 400 || status === 403))) {
        throw new VippsAuthError({ ...context, ...summary, status });
      }
      if (isRetryableStatus(status, spec.retryMode)) {
        if (status >= 500) mayHaveBeenPerformed = true;
        last = { reason: 'retryable-status', status, summary };
        await backoff(attempt, last, result.headers.get('retry-after'));
        continue;
      }
      if (status >= 500 || (status === 409 && mayHaveBeenPerformed)) {
        // 5xx on a non-idempotent call, or a conflict right after an attempt whose outcome we lost (the first
        // attempt may still be in progress at Vipps): we cannot tell whether it happened.
        throw unknown(attempt, { reason: 'retryable-status', status, summary });
      }
      if (status >= 400) throw new VippsRejectedError({ ...context, ...summary, status });
      throw new VippsResponseError({ ...context, ...summary, status, issues: [`unexpected HTTP status ${status}`] });
    }
  }

  return { send };
}

function parseSuccess<T>(spec: VippsRequestSpec<T>, bodyText: string, headers: Headers, status: number): T {
  if (spec.response.kind === 'empty') return undefined as T;
  const details: VippsErrorDetails & { status: number } = {
    operation: spec.operation,
    reference: spec.reference,
    status,
    traceId: traceIdFromHeaders(headers),
  };
  const json = safeJsonParse(bodyText);
  if (json === undefined) throw new VippsResponseError({ ...details, issues: ['body is not JSON'] });
  const parsed = spec.response.schema.safeParse(json);
  if (!parsed.success) {
    // Paths and messages only: values could be secrets (the token response) or personal data.
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new VippsResponseError({ ...details, issues });
  }
  return parsed.data;
}

/**
 * The token could not be had in time, so this attempt was never sent. Bad credentials stay an auth error
 * only while no earlier attempt of this call may have reached Vipps; otherwise (and for anything else) it
 * is "outcome unknown" (conservative: the caller retries with the same key or reads the payment back).
 */
function tokenFailure(
  error: unknown,
  input: VippsErrorDetails & { attempts: number; last?: LastFailure; mayHaveBeenPerformed: boolean },
): VippsError {
  const { attempts, last, mayHaveBeenPerformed, ...context } = input;
  if (error instanceof TokenWaitExpiredError) {
    return new VippsOutcomeUnknownError({
      ...context,
      ...last?.summary,
      status: last?.status,
      reason: 'deadline',
      attempts,
    });
  }
  if (error instanceof VippsAuthError && !mayHaveBeenPerformed) {
    const { status, code, title, detail, traceId } = error;
    return new VippsAuthError({ ...context, status, code, title, detail, traceId, cause: error });
  }
  const inner = error instanceof VippsError ? error : undefined;
  return new VippsOutcomeUnknownError({
    ...context,
    status: inner?.status,
    traceId: inner?.traceId,
    reason: 'token-unavailable',
    attempts,
    cause: error,
  });
}
