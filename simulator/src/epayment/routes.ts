/**
 * ePayment API v1 (`epayment.v1.yml`): the seven operations under `/epayment/v1`, behind the gateway checks.
 * Handlers turn every thrown Problem into its response inside the idempotent section, so 4xx answers are
 * remembered and replayed like successes (BRIEF §3).
 */
import { Hono, type Context } from 'hono';
import type { SimContext } from '../context';
import type { SimEnv } from '../http/sim-env';
import { requireApiAuth, requireMsn } from '../http/auth';
import { injectFaults } from '../http/faults';
import { rateLimit, type RateLimitedOperation } from '../http/rate-limit';
import { readJsonBody } from '../http/json-body';
import { requireSystemHeaderLimits } from '../http/system-headers';
import { ProblemError, sendSimResponse, type SimResponse } from '../http/problem';
import { createPayment } from './create-payment';
import { fingerprintOf, type IdempotentOperation } from './idempotency';
import { referenceText } from './numeric-text';
import { cancelSchema, forceApproveSchema, modificationSchema } from './request-schemas';
import { toEventLog, toGetPaymentResponse, toModificationResponse } from './serialize';
import { checkReferenceParam, parseWith } from './validation';

type Ctx = Context<SimEnv>;

/** Runs `fn`, turning a ProblemError into its Problem response for this request path. */
function attempt(c: Ctx, fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ProblemError) return error.toResponse(c.req.path);
    throw error;
  }
}

/** `Idempotency-Key` is `required: true`, `maxLength: 50` on create, capture, refund and cancel (BRIEF §3). */
function idempotencyKeyOf(c: Ctx): string {
  const key = c.req.header('Idempotency-Key');
  if (!key)
    throw ProblemError.validation([{ name: 'Idempotency-Key', reason: 'The header Idempotency-Key is required.' }]);
  if (key.length > 50) {
    throw ProblemError.validation([
      { name: 'Idempotency-Key', reason: 'The header Idempotency-Key must be at most 50 characters.' },
    ]);
  }
  return key;
}

/** Create's idempotency scope uses the body's reference; a body without one still gets validated (and a 400). */
const referenceInBody = (body: unknown): string => referenceText(body) ?? '';

const ok = (body: unknown): SimResponse => ({ status: 200, body, contentType: 'application/json' });

/** The reference a rate limit counts against: the path's, or (create) the body's; none for a bad body. */
async function limitedReference(c: Ctx): Promise<string | undefined> {
  const fromPath = c.req.param('reference');
  if (fromPath !== undefined) return fromPath;
  try {
    return referenceText(await readJsonBody(c));
  } catch {
    return undefined;
  }
}

export function epaymentRoutes(sim: SimContext): Hono<SimEnv> {
  const api = new Hono<SimEnv>();
  api.use('*', requireApiAuth(sim), requireMsn(sim), requireSystemHeaderLimits());
  // The API gateway counts calls before anything else runs (BRIEF §4 "Rate limits").
  const limited = (operation: RateLimitedOperation) => rateLimit(sim.rateLimits, operation, limitedReference);

  /** Shared shape of the four idempotent operations: read headers and body, then run once per key. */
  const idempotent =
    (operation: IdempotentOperation, execute: (c: Ctx, msn: string, body: unknown, key: string) => SimResponse) =>
    async (c: Ctx) => {
      const response = await (async () => {
        try {
          const key = idempotencyKeyOf(c);
          const body = await readJsonBody(c);
          const reference = operation === 'create' ? referenceInBody(body) : (c.req.param('reference') ?? '');
          if (operation === 'create') c.set('logReference', reference);
          else checkReferenceParam(reference, sim.config.maxReferenceLength);
          const msn = c.get('msn');
          return sim.idempotency.run({ msn, operation, reference }, key, fingerprintOf(body), c.req.path, () =>
            attempt(c, () => execute(c, msn, body, key)),
          );
        } catch (error) {
          if (error instanceof ProblemError) return error.toResponse(c.req.path);
          throw error;
        }
      })();
      return sendSimResponse(response);
    };

  /** Non-idempotent reads and force approve. */
  const plain =
    (execute: (c: Ctx, msn: string, reference: string) => SimResponse | Promise<SimResponse>) => async (c: Ctx) => {
      try {
        const reference = c.req.param('reference') ?? '';
        checkReferenceParam(reference, sim.config.maxReferenceLength);
        return sendSimResponse(await execute(c, c.get('msn'), reference));
      } catch (error) {
        if (error instanceof ProblemError) return sendSimResponse(error.toResponse(c.req.path));
        throw error;
      }
    };

  api.post(
    '/payments',
    limited('create'),
    injectFaults(sim.faults, 'create'),
    idempotent('create', (_c, msn, body, key) => createPayment(sim, msn, body, key)),
  );

  api.get(
    '/payments/:reference',
    limited('get'),
    injectFaults(sim.faults, 'get'),
    plain((_c, msn, reference) => ok(toGetPaymentResponse(sim.payments.find(msn, reference)))),
  );

  api.get(
    '/payments/:reference/events',
    limited('events'),
    injectFaults(sim.faults, 'events'),
    plain((_c, msn, reference) => ok(toEventLog(sim.payments.find(msn, reference)))),
  );

  // Capture and refund differ only in the money rule they apply (BRIEF §5).
  for (const operation of ['capture', 'refund'] as const) {
    api.post(
      `/payments/:reference/${operation}`,
      limited(operation),
      injectFaults(sim.faults, operation),
      idempotent(operation, (c, msn, body, key) => {
        const { modificationAmount } = parseWith(modificationSchema, body);
        const payment = sim.payments.find(msn, c.req.param('reference') ?? '');
        sim.payments[operation](payment, modificationAmount, key);
        return ok(toModificationResponse(payment));
      }),
    );
  }

  api.post(
    '/payments/:reference/cancel',
    limited('cancel'),
    injectFaults(sim.faults, 'cancel'),
    idempotent('cancel', (c, msn, body, key) => {
      const { cancelTransactionOnly } = parseWith(cancelSchema, body ?? {});
      const payment = sim.payments.find(msn, c.req.param('reference') ?? '');
      sim.payments.cancel(payment, key, cancelTransactionOnly ?? false);
      return ok(toModificationResponse(payment));
    }),
  );

  api.post(
    '/test/payments/:reference/approve',
    injectFaults(sim.faults, 'approve'),
    plain(async (c, msn, reference) => {
      const { customer, token } = parseWith(forceApproveSchema, (await readJsonBody(c)) ?? {});
      const payment = sim.payments.find(msn, reference);
      // The official Postman collection sends a placeholder `token` next to a valid phone number (its script
      // stores the token only on HTTP 200, but create answers 201). The phone number names the test user, so it
      // wins; the token is checked only when it is the sole way to say who approves (README "Deviations").
      if (customer?.phoneNumber === undefined && token !== undefined && token !== payment.linkToken) {
        throw ProblemError.coded(400, '10010', 'The token does not belong to this payment.');
      }
      // BRIEF §9: the magic test amounts do not apply through force approve.
      sim.payments.authorize(payment, customer?.phoneNumber ?? null);
      return { status: 200, body: null, contentType: null };
    }),
  );

  return api;
}
