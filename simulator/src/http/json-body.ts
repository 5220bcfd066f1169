/**
 * The one JSON body reader of every simulator route (ePayment, Webhooks, control API, fault matching). An empty
 * body reads as `undefined`; anything `parseJsonText` refuses is a 400 Problem. The size cap is applied before,
 * by `bodyLimit` in server.ts (413). The result is cached on the context, so a fault matcher that peeks at the
 * create body and the route itself parse it once.
 */
import type { Context } from 'hono';
import { parseJsonText } from './json-text';
import { ProblemError } from './problem';
import type { SimEnv } from './sim-env';

export async function readJsonBody(c: Context<SimEnv>): Promise<unknown> {
  let parsed = c.get('parsedJsonBody');
  if (!parsed) {
    const text = await c.req.text();
    if (text.trim() === '') parsed = { ok: true, value: undefined };
    else {
      const result = parseJsonText(text);
      parsed = result.ok
        ? result
        : { ok: false, error: ProblemError.validation([{ name: '(body)', reason: result.reason }], result.reason) };
    }
    c.set('parsedJsonBody', parsed);
  }
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
