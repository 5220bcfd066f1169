// The retry loop around `performAttempt`: token handling, 401 refresh, retries with backoff inside an
// overall deadline, and the mapping of every ending to exactly one result or one typed `VippsError`.
import { performAttempt, type FetchLike, type VippsLogger } from './attempt';
import type { VippsClientConfig } from './config';
import { VippsAuthError, VippsRejectedError, VippsResponseError, type VippsErrorDetails } from './errors';
import { buildApiHeaders, buildTokenHeaders } from './headers';
import { createOutcomeLedger, effectOfStatus, type LastFailure } from './outcome';
import { safeJsonParse, summarizeProblem, traceIdFromHeaders } from './problem';
import type { VippsRequestSpec } from './requests';
import { isRetryableFailure, isRetryableStatus, nextDelayMs, type RetryPolicy } from './retry-policy';
import type { TokenCache } from './token-cache';

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
    // What the attempts so far allow us to promise when the call ends without a result (outcome.ts).
    const ledger = createOutcomeLedger(context);
    let last: LastFailure | undefined;

    /** Waits before the next attempt, or gives up when the wait would cross the deadline. */
    async function backoff(attempt: number, failure: LastFailure, retryAfter?: string | null) {
      const delay = nextDelayMs({ attempt, retryAfter, nowMs: deps.now(), policy, random: deps.random });
      if (attempt >= policy.maxAttempts) throw ledger.giveUp(attempt, failure);
      if (deps.now() + delay >= deadline) throw ledger.giveUp(attempt, { ...failure, reason: 'deadline' });
      await deps.sleep(delay);
    }

    for (let attempt = 1; ; attempt++) {
      const remaining = deadline - deps.now();
      if (remaining <= 0) throw ledger.giveUp(attempt - 1, { ...(last ?? {}), reason: 'deadline' });

      let accessToken: string | undefined;
      if (auth === 'bearer') {
        try {
          // Bounded by this call's deadline, not the token fetch's own budget, so fetching a token can never
          // stretch a call past `retryDeadlineMs`.
          accessToken = await tokens().get(deadline);
        } catch (error) {
          throw ledger.tokenFailure(error, attempt - 1, last);
        }
      }
      // Measured after the token wait: the attempt gets only what is left of the call's budget.
      const timeoutMs = Math.min(config.requestTimeoutMs, deadline - deps.now());
      if (timeoutMs <= 0) throw ledger.giveUp(attempt - 1, { ...(last ?? {}), reason: 'deadline' });
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
          loggedPath: spec.loggedPath,
          headers,
          body,
          timeoutMs,
        },
        { ...deps, onExchange: config.onExchange },
      );

      if (result.kind === 'failure') {
        // The request may have been processed and only the answer lost: never assume it failed.
        ledger.record('maybe');
        last = { reason: result.reason };
        if (!isRetryableFailure(spec.retryMode)) throw ledger.giveUp(attempt, last, result.error);
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
      if (ledger.mayHaveBeenPerformed && (status === 401 || status === 403)) {
        // The gateway refused this attempt before it reached the payment, which says nothing about the
        // earlier attempt whose answer we lost: reporting "rejected" here could lead to a second capture.
        throw ledger.giveUp(attempt, { reason: 'retryable-status', status, summary });
      }
      if (status === 401 || (auth === 'client-credentials' && (status === 400 || status === 403))) {
        throw new VippsAuthError({ ...context, ...summary, status });
      }
      ledger.record(effectOfStatus(status));
      if (isRetryableStatus(status, spec.retryMode)) {
        last = { reason: 'retryable-status', status, summary };
        await backoff(attempt, last, result.headers.get('retry-after'));
        continue;
      }
      if (status >= 500 || (status === 409 && ledger.mayHaveBeenPerformed)) {
        // 5xx on a non-idempotent call, or a conflict right after an attempt whose outcome we lost (the first
        // attempt may still be in progress at Vipps): we cannot tell whether it happened.
        throw ledger.giveUp(attempt, { reason: 'retryable-status', status, summary });
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
  // A well-formed 2xx about another payment, or whose money does not add up, is not a success to book.
  const inconsistencies = spec.response.check?.(parsed.data) ?? [];
  if (inconsistencies.length > 0) throw new VippsResponseError({ ...details, issues: inconsistencies });
  return parsed.data;
}
