/**
 * Fault injection for client resilience tests (`POST /_sim/faults`): the next `count` calls of an operation
 * (optionally for one reference) answer with an error status, answer late, or lose the connection before or
 * after the operation took effect. "drop-after-commit" is the case idempotency keys exist for (BRIEF §3):
 * the payment changed, but the client never heard, so it must retry with the same key.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { SimEnv } from '../context';
import { apimError } from './auth';
import { problemResponse, sendSimResponse } from './problem';

export const FAULT_OPERATIONS = [
  'token',
  'create',
  'get',
  'events',
  'capture',
  'refund',
  'cancel',
  'approve',
  '*',
] as const;
export type FaultOperation = Exclude<(typeof FAULT_OPERATIONS)[number], '*'>;

export const faultSpecSchema = z.strictObject({
  operation: z.enum(FAULT_OPERATIONS),
  reference: z.string().min(1).optional(),
  count: z.number().int().positive().default(1),
  kind: z.enum(['status', 'slow', 'drop-after-commit', 'drop-before-commit']),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429), z.literal(423)]).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  delayMs: z.number().int().nonnegative().max(120_000).optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type Fault = FaultSpec & { id: string; remaining: number };

const STATUS_TITLES: Record<number, string> = {
  423: 'Locked',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export class FaultStore {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: randomUUID(), remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching this call, if any. */
  take(operation: FaultOperation, reference: string | undefined): Fault | undefined {
    const fault = this.faults.find(
      (f) => (f.operation === '*' || f.operation === operation) && (!f.reference || f.reference === reference),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}

/** Ends the TCP connection without an HTTP answer, so the client's fetch rejects (a "network error"). */
function dropConnection(c: Context<SimEnv>): Response {
  c.set('dropped', true);
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new Error('drop faults need the Node server (startSimulator), not app.request()');
  socket.destroy();
  return new Response(null, { status: 499 });
}

async function referenceOf(c: Context<SimEnv>, operation: FaultOperation): Promise<string | undefined> {
  const fromPath = c.req.param('reference');
  if (fromPath || operation !== 'create') return fromPath;
  try {
    // Hono caches the parsed body, so the route can still read it.
    const body: unknown = await c.req.json();
    const reference = (body as { reference?: unknown } | null)?.reference;
    return typeof reference === 'string' ? reference : undefined;
  } catch {
    return undefined;
  }
}

function faultStatusResponse(c: Context<SimEnv>, fault: Fault): Response {
  const status = fault.status ?? 500;
  if (status === 429) {
    // Rate limiting comes from the API gateway, in its own shape (BRIEF §7).
    const seconds = fault.retryAfterSeconds ?? 1;
    const response = apimError(c, 429, `Rate limit is exceeded. Try again in ${seconds} seconds.`);
    response.headers.set('Retry-After', String(seconds));
    return response;
  }
  const title = STATUS_TITLES[status] ?? 'Error';
  return sendSimResponse(problemResponse(c.req.path, status, title, `Injected fault (${fault.id}).`));
}

export function injectFaults(store: FaultStore, operation: FaultOperation): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const fault = store.take(operation, await referenceOf(c, operation));
    if (!fault) return next();
    switch (fault.kind) {
      case 'status':
        return faultStatusResponse(c, fault);
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
        return next();
      case 'drop-before-commit':
        return dropConnection(c);
      case 'drop-after-commit':
        await next();
        c.res = dropConnection(c);
        return;
    }
  };
}
