// One HTTP attempt: a fresh Request (a used Request cannot be resent — the SDK's bug, BRIEF §10), a
// per-attempt timeout, the whole body read inside that timeout, and exactly one structured log line.
import type { VippsOperation } from './errors';
import type { ExchangeObserver, VippsExchange } from './exchange';
import { summarizeProblem, traceIdFromHeaders } from './problem';

/** The subset of a pino logger the client uses; pino's `Logger` satisfies it. */
export interface VippsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export type FetchLike = (request: Request) => Promise<Response>;

export interface AttemptInput {
  operation: VippsOperation;
  reference?: string;
  idempotencyKey?: string;
  attempt: number;
  method: string;
  baseUrl: string;
  path: string;
  /** What logs and the exchange observer see instead of `path` (a userinfo `sub` stays out of them). */
  loggedPath?: string;
  headers: Headers;
  /** The same bytes on every attempt (BRIEF §3). */
  body?: Uint8Array;
  timeoutMs: number;
}

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Headers; bodyText: string }
  | { kind: 'failure'; reason: 'timeout' | 'network'; error: unknown };

export async function performAttempt(
  input: AttemptInput,
  deps: { fetch: FetchLike; now: () => number; logger: VippsLogger; onExchange?: ExchangeObserver },
): Promise<AttemptResult> {
  const signal = AbortSignal.timeout(input.timeoutMs);
  const request = new Request(input.baseUrl + input.path, {
    method: input.method,
    headers: input.headers,
    // A defensive copy per attempt: request bodies are single-use, and the original bytes must reach every
    // retry unchanged.
    body: input.body?.slice(),
    signal,
    // Vipps never redirects (BRIEF §1). Following one would resend the body (a second capture elsewhere) and
    // fetch keeps Ocp-Apim-Subscription-Key across origins; a 3xx is surfaced instead (outcome unknown).
    redirect: 'manual',
  });
  const startedAt = deps.now();
  // Never log headers or bodies: they carry the token, the subscription key and webhook secrets.
  const logFields = {
    operation: input.operation,
    method: input.method,
    path: input.loggedPath ?? input.path,
    reference: input.reference,
    idempotencyKey: input.idempotencyKey,
    attempt: input.attempt,
  };
  try {
    const response = await deps.fetch(request);
    // Reading the body is part of the attempt: a connection lost mid-body is a lost response.
    const bodyText = await readBodyWithin(response, signal);
    // Vipps puts its trace id in Problem bodies (BRIEF §7); successful answers only have headers.
    const traceId = response.ok
      ? traceIdFromHeaders(response.headers)
      : summarizeProblem(bodyText, response.headers).traceId;
    const fields = { ...logFields, status: response.status, durationMs: deps.now() - startedAt, traceId };
    if (response.ok) deps.logger.info(fields, 'vipps call');
    else deps.logger.warn(fields, 'vipps call failed');
    tell(deps, input, { startedAt, status: response.status, responseBody: bodyText, traceId });
    return { kind: 'response', status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    const reason = signal.aborted || isTimeoutError(error) ? 'timeout' : 'network';
    deps.logger.warn(
      {
        ...logFields,
        status: undefined,
        durationMs: deps.now() - startedAt,
        error: reason,
        errorMessage: describe(error),
      },
      'vipps call failed',
    );
    tell(deps, input, { startedAt, error: { reason, message: describe(error) } });
    return { kind: 'failure', reason, error };
  }
}

const decoder = new TextDecoder();

/** The observer sees the attempt, never the headers; a failing observer is logged and cannot fail the call. */
function tell(
  deps: { now: () => number; logger: VippsLogger; onExchange?: ExchangeObserver },
  input: AttemptInput,
  outcome: Pick<VippsExchange, 'startedAt' | 'status' | 'responseBody' | 'traceId' | 'error'>,
): void {
  if (!deps.onExchange) return;
  try {
    deps.onExchange({
      operation: input.operation,
      method: input.method,
      path: input.loggedPath ?? input.path,
      reference: input.reference,
      idempotencyKey: input.idempotencyKey,
      attempt: input.attempt,
      durationMs: deps.now() - outcome.startedAt,
      requestBody: input.body === undefined ? undefined : decoder.decode(input.body),
      ...outcome,
    });
  } catch (error) {
    deps.logger.warn({ operation: input.operation, errorMessage: describe(error) }, 'vipps exchange observer failed');
  }
}

function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Error messages from fetch carry codes like ECONNRESET, never request headers. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/**
 * The body read is bounded by the attempt's signal even when the fetch in use does not tie the body stream
 * to it (undici does; an injected fetch may not), so a server that sends headers and then stalls cannot
 * hold the call past its timeout.
 */
function readBodyWithin(response: Response, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onAbort = () => {
      response.body?.cancel().catch(() => undefined);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
