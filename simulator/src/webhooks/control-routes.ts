// Test-only control API (not part of Vipps), mounted at /_sim/webhooks: inspect deliveries, skip
// backoff waits, inject faults, and read registration secrets so tests can verify signatures.
import { Hono } from 'hono';
import { readJsonBody } from '../http/json-body';
import { ProblemError, sendSimResponse } from '../http/problem';
import type { SimEnv } from '../http/sim-env';
import { parseOrProblem } from '../http/zod-problem';
import type { Dispatcher } from './dispatcher';
import { faultRequestSchema, newWebhookFault, type WebhookFaultStore } from './faults';
import type { Registry } from './registry';

export interface ControlDeps {
  registry: Registry;
  dispatcher: Dispatcher;
  faults: WebhookFaultStore;
}

export function createControlRoutes({ registry, dispatcher, faults }: ControlDeps): Hono<SimEnv> {
  const control = new Hono<SimEnv>();

  control.onError((error, c) => {
    if (error instanceof ProblemError) return sendSimResponse(error.toResponse(c.req.path));
    throw error;
  });

  control.get('/deliveries', (c) => {
    const reference = c.req.query('reference');
    const registrationId = c.req.query('registrationId');
    return c.json({ deliveries: dispatcher.list({ reference, registrationId }) });
  });

  // Attempts every delivery waiting for a backoff retry now, and answers when those attempts have
  // finished. `?includeDelayed=true` also releases deliveries held back by a `delay` fault.
  control.post('/retry-now', async (c) => {
    const retried = await dispatcher.retryNow(c.req.query('includeDelayed') === 'true');
    return c.json({ retried });
  });

  control.get('/faults', (c) => c.json({ faults: faults.list() }));

  control.post('/faults', async (c) => {
    const request = parseOrProblem(faultRequestSchema, (await readJsonBody(c)) ?? {});
    return c.json({ fault: faults.add(newWebhookFault(request)) }, 201);
  });

  control.delete('/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  // Includes the secrets, which the real API shows only once: a test convenience.
  control.get('/registrations', (c) => c.json({ registrations: registry.list() }));

  return control;
}
