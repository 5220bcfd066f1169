/** One log line per request: method, path, status, duration, and the payment reference when there is one. */
import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from './sim-env';
import { forLog, type Logger } from '../logger';

const REFERENCE_IN_PATH = /\/payments\/([^/?]+)/;

export interface LoggedRequest {
  /** Real time the request arrived (ISO 8601). */
  at: string;
  method: string;
  path: string;
  status: string;
  reference: string | null;
}

/**
 * The recent requests, for `GET /_sim/requests`: lets a test see what an integration asked Vipps without
 * watching the log, e.g. that a reconciler read a payment nobody was polling. Bounded, oldest dropped first.
 */
export class RequestRecorder {
  private entries: LoggedRequest[] = [];

  constructor(private readonly max = 5_000) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  list(filter: { reference?: string; method?: string } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) => (!filter.reference || e.reference === filter.reference) && (!filter.method || e.method === filter.method),
    );
  }

  clear(): void {
    this.entries = [];
  }
}

export function requestLog(log: Logger, recorder?: RequestRecorder): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const started = performance.now();
    const at = new Date().toISOString();
    await next();
    const ms = Math.round(performance.now() - started);
    const reference = c.get('logReference') ?? REFERENCE_IN_PATH.exec(c.req.path)?.[1];
    const status = c.get('dropped') ? 'dropped' : String(c.res.status);
    log.info(`${c.req.method} ${forLog(c.req.path)} ${status} ${ms}ms${reference ? ` ref=${forLog(reference)}` : ''}`);
    if (!c.req.path.startsWith('/_sim')) {
      recorder?.record({ at, method: c.req.method, path: c.req.path, status, reference: reference ?? null });
    }
  };
}
