/** One log line per request: method, path, status, duration, and the payment reference when there is one. */
import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from '../context';
import type { Logger } from '../logger';

const REFERENCE_IN_PATH = /\/payments\/([^/?]+)/;

export function requestLog(log: Logger): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const reference = c.get('logReference') ?? REFERENCE_IN_PATH.exec(c.req.path)?.[1];
    const status = c.get('dropped') ? 'dropped' : String(c.res.status);
    log.info(`${c.req.method} ${c.req.path} ${status} ${ms}ms${reference ? ` ref=${reference}` : ''}`);
  };
}
