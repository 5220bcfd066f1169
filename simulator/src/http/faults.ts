/**
 * Fault injection for client resilience tests (`POST /_sim/faults`): the next `count` calls of an operation
 * (optionally for one reference) answer with an error status, answer late, or lose the connection before or
 * after the operation took effect. "drop-after-commit" is the case idempotency keys exist for (BRIEF §3):
 * the payment changed, but the client never heard, so it must retry with the same key.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { FaultStore } from '../fault-store';
import { tooManyRequests } from './auth';
import { referenceText } from '../epayment/numeric-text';
import { readJsonBody } from './json-body';
import { problemResponse, sendSimResponse, statusTitle } from './problem';
import type { SimEnv } from './sim-env';

export const FAULT_OPERATIONS = [
  'token',
  'create',
  'get',
  'events',
  'capture',
  'refund',
  'cancel',
  'approve',
  'userinfo',
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
export type ApiFault = FaultSpec & { id: string; remaining: number };

export const newApiFault = (spec: FaultSpec): ApiFault => ({ ...spec, id: randomUUID(), remaining: spec.count });

/** Matches a call of `operation` (for one of `references`, when the fault names one). */
const matchesCall =
  (operation: FaultOperation, references: (string | undefined)[]) =>
  (fault: ApiFault): boolean =>
    (fault.operation === '*' || fault.operation === operation) &&
    (!fault.reference || references.includes(fault.reference));

/** Ends the TCP connection without an HTTP answer, so the client's fetch rejects (a "network error"). */
function dropConnection(c: Context<SimEnv>): Response {
  c.set('dropped', true);
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new Error('drop faults need the Node server (startSimulator), not app.request()');
  socket.destroy();
  return new Response(null, { status: 499 });
}

/** The reference in the path or (create) the body; for `userinfo`, the `sub` in the path. */
async function referenceOf(c: Context<SimEnv>, operation: FaultOperation): Promise<string | undefined> {
  const fromPath = c.req.param('reference') ?? c.req.param('sub');
  if (fromPath || operation !== 'create') return fromPath;
  try {
    // readJsonBody caches the parse, so the route reads the same body (or answers the same 400) afterwards.
    return referenceText(await readJsonBody(c));
  } catch {
    return undefined;
  }
}

/** How an API answers an injected error status in its own error shape (default: the ePayment Problem). */
export type FaultErrorResponse = (c: Context<SimEnv>, status: number, detail: string) => Response;

const problemFault: FaultErrorResponse = (c, status, detail) =>
  sendSimResponse(problemResponse(c.req.path, status, statusTitle(status), detail));

function faultStatusResponse(c: Context<SimEnv>, fault: ApiFault, errorResponse: FaultErrorResponse): Response {
  const status = fault.status ?? 500;
  if (status === 429) {
    // Rate limiting comes from the API gateway, in its own shape (BRIEF §7).
    return tooManyRequests(c, fault.retryAfterSeconds ?? 1);
  }
  return errorResponse(c, status, `Injected fault (${fault.id}).`);
}

export function injectFaults(
  store: FaultStore<ApiFault>,
  operation: FaultOperation,
  errorResponse: FaultErrorResponse = problemFault,
): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    // `logReference` is set ahead of us where the path holds no payment reference (userinfo: the grant's payment).
    const references = [await referenceOf(c, operation), c.get('logReference')];
    const fault = store.take(matchesCall(operation, references));
    if (!fault) return next();
    switch (fault.kind) {
      case 'status':
        return faultStatusResponse(c, fault, errorResponse);
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
