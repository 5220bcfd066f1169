// What the client tells an observer about each HTTP attempt (the seam the Vipps API log hangs on, ADR 0013).
// A plain object with no headers: credentials and the bearer token never leave the client this way.
import type { VippsOperation } from './errors';

export interface VippsExchange {
  operation: VippsOperation;
  method: string;
  /** Below the base URL, as sent (dynamic segments URL-encoded), except a userinfo `sub`: `{sub}` (ADR 0026). */
  path: string;
  /** The payment reference or webhook id the call is about, when it is about one. */
  reference?: string;
  idempotencyKey?: string;
  /** 1 for the first try; retries and the retry after a token refresh count up. */
  attempt: number;
  /** Epoch milliseconds when the attempt started. */
  startedAt: number;
  durationMs: number;
  /** The JSON text sent, if any. */
  requestBody?: string;
  /** Absent when no answer came (then `error` says why). */
  status?: number;
  responseBody?: string;
  /** Vipps' traceId from a Problem body, or a trace header. */
  traceId?: string;
  error?: { reason: 'timeout' | 'network'; message: string };
}

/**
 * Called once per attempt, token calls included, after the answer is read and before the client acts on it.
 * It must return at once and never throw (a throw is caught and logged, so it cannot fail the call).
 */
export type ExchangeObserver = (exchange: VippsExchange) => void;
