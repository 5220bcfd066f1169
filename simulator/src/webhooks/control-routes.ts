// Test-only control API (not part of Vipps), mounted at /_sim/webhooks: inspect deliveries, skip
// backoff waits, inject faults, and read registration secrets so tests can verify signatures.
import { Hono } from 'hono';
import type { Dispatcher } from './dispatcher';
import { faultRequestSchema, type FaultStore } from './faults';
import type { Registry } from './registry';

export interface ControlDeps {
  registry: Registry;
  dispatcher: Dispatcher;
  faults: FaultStore;
}

export function createControlRoutes({ registry, dispatcher, faults }: ControlDeps): Hono {
  const control = new Hono();

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
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: 'The request body is not valid JSON.' }, 400);
    }
    const parsed = faultRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return c.json({ error: 'Invalid fault.', issues }, 400);
    }
    return c.json({ fault: faults.add(parsed.data) }, 201);
  });

  control.delete('/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  // Includes the secrets, which the real API shows only once: a test convenience.
  control.get('/registrations', (c) => c.json({ registrations: registry.list() }));

  return control;
}
