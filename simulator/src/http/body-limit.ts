/**
 * Refuses request bodies above `maxBytes` before they are read whole, so no client can make the simulator hold
 * an arbitrarily large body in memory: by
 * `Content-Length` when given, else by counting the stream. Like `hono/body-limit`, but the counted body is put
 * into a fresh Request built from the URL rather than from the old Request: `new Request(oldRequest, …)` on
 * Node 20 keeps about 2 kB per request alive (measured with bench/simulator-memory.ts), which is exactly the
 * unbounded growth this limit exists to prevent.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { SimEnv } from './sim-env';

export function bodyLimit(maxBytes: number, tooLarge: (c: Context<SimEnv>) => Response): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = raw.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge(c);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: Buffer.concat(chunks) });
    return next();
  };
}
