// The Webhooks API itself (webhooks-api.swagger.yaml, BRIEF §8), relative to its mount point
// /webhooks/v1. Token and subscription-key checks happen in the core's middleware before this.
import { Hono, type Context } from 'hono';
import { readJsonBody } from '../http/json-body';
import { ProblemError, problemResponse, sendSimResponse, statusTitle, type ExtraDetail } from '../http/problem';
import type { SimEnv } from '../http/sim-env';
import { preview } from '../http/zod-problem';
import { MAX_REGISTRATIONS_PER_EVENT, type Registry } from './registry';
import { validateRegisterRequest } from './validate';

export interface ApiDeps {
  registry: Registry;
  acceptedMsns: readonly string[];
  now: () => Date;
  onDeleted: (registrationId: string) => void;
}

const VALIDATION_FAILED = 'One or more validation errors occurred.';

function problem(c: Context, status: 400 | 403 | 404, detail: string, extraDetails?: ExtraDetail[]): Response {
  return sendSimResponse(problemResponse(c.req.path, status, statusTitle(status), detail, extraDetails));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createApiRoutes(deps: ApiDeps): Hono<SimEnv> {
  const api = new Hono<SimEnv>();

  // `Merchant-Serial-Number` is optional (required for merchant logins, optional for partners,
  // BRIEF §8); without it we act for the default MSN. An MSN the simulator does not know is 403,
  // like a merchant the API key has no access to.
  const msnOf = (c: Context): string | Response => {
    const header = c.req.header('merchant-serial-number');
    const msn = header ?? deps.acceptedMsns[0];
    if (msn === undefined || !deps.acceptedMsns.includes(msn)) {
      return problem(
        c,
        403,
        `Merchant-Serial-Number '${preview(header ?? '')}' is not accessible with these credentials.`,
      );
    }
    return msn;
  };

  api.post('/webhooks', async (c) => {
    const msn = msnOf(c);
    if (msn instanceof Response) return msn;
    let body: unknown;
    try {
      body = await readJsonBody(c);
    } catch (error) {
      if (error instanceof ProblemError) return sendSimResponse(error.toResponse(c.req.path));
      throw error;
    }
    const input = validateRegisterRequest(body);
    if (!input.ok) return problem(c, 400, VALIDATION_FAILED, input.details);
    const result = deps.registry.register(msn, input.url, input.events, deps.now().toISOString());
    if (!result.ok) {
      return problem(
        c,
        400,
        `At most ${MAX_REGISTRATIONS_PER_EVENT} webhooks can be registered per event type per merchant; delete one first.`,
        result.fullEvents.map((e) => ({
          name: 'events',
          reason: `Limit of ${MAX_REGISTRATIONS_PER_EVENT} reached for '${e}'.`,
        })),
      );
    }
    // The secret is returned here and never again by this API (BRIEF §8).
    return c.json({ id: result.registration.id, secret: result.registration.secret }, 201);
  });

  api.get('/webhooks', (c) => {
    const msn = msnOf(c);
    if (msn instanceof Response) return msn;
    const webhooks = deps.registry.list(msn).map(({ id, url, events }) => ({ id, url, events }));
    return c.json({ webhooks }, 200);
  });

  api.delete('/webhooks/:id', (c) => {
    const msn = msnOf(c);
    if (msn instanceof Response) return msn;
    const id = c.req.param('id');
    if (!UUID.test(id)) {
      return problem(c, 400, VALIDATION_FAILED, [{ name: 'id', reason: `'${preview(id)}' is not a valid UUID.` }]);
    }
    if (!deps.registry.delete(msn, id))
      return problem(c, 404, `No webhook with id '${id}' is registered for this merchant.`);
    deps.onDeleted(id);
    return c.body(null, 204);
  });

  return api;
}
