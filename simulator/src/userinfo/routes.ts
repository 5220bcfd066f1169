/**
 * Userinfo API (`userinfo-api.swagger.yaml` 2.0.2): `GET /vipps-userinfo-api/userinfo/{sub}` answers what the
 * user agreed to share, with the merchant's access token. Every answer, errors included, is
 * `application/json;charset=UTF-8` as the spec lists them; errors are its `UserinfoError` (whose `status` the spec
 * types as a string). No rate limit is documented for this API, so none is applied.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { SimContext } from '../context';
import { injectFaults, type FaultErrorResponse } from '../http/faults';
import { newTraceId } from '../ids';
import type { SimEnv } from '../http/sim-env';
import { statusTitle } from '../http/problem';
import { userinfoBody } from './claims';

type Ctx = Context<SimEnv>;

const CONTENT_TYPE = 'application/json;charset=UTF-8';

const json = (body: unknown, status: number): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': CONTENT_TYPE } });

export const userinfoError: FaultErrorResponse = (c, status, detail) =>
  json(
    {
      type: `https://httpstatuses.io/${status}`,
      title: statusTitle(status),
      status: String(status),
      detail,
      // The spec's example instance is a UUID-like id of this occurrence; the trace id serves the same purpose.
      instance: newTraceId(),
    },
    status,
  );

/**
 * Which sales unit asks. The simulator's access tokens carry no MSN (BRIEF §2: the token call's
 * `Merchant-Serial-Number` header is optional, and one set of test credentials serves every `SIM_MSN`), so the
 * spec's `Merchant-Serial-Number` header decides. The spec calls it optional ("recommended") for a merchant
 * acting for itself: without it, a simulator serving exactly one MSN means that one; serving several, the
 * question has no answer and the request is a 400.
 */
function askingMsn(sim: SimContext, c: Ctx): { msn: string } | { error: Response } {
  const header = c.req.header('Merchant-Serial-Number');
  const accepted = sim.config.acceptedMsns;
  if (header === undefined) {
    if (accepted.length === 1 && accepted[0]) return { msn: accepted[0] };
    const detail = `Merchant-Serial-Number is required: this subscription serves several sales units (${accepted.join(', ')}).`;
    return { error: userinfoError(c, 400, detail) };
  }
  if (!/^[0-9]{4,6}$/.test(header)) {
    const detail = "The header Merchant-Serial-Number must match the regular expression '^[0-9]{4,6}$'.";
    return { error: userinfoError(c, 400, detail) };
  }
  if (!accepted.includes(header)) {
    return {
      error: userinfoError(c, 403, `Merchant-Serial-Number ${header} is not available with this subscription key.`),
    };
  }
  return { msn: header };
}

/** Same gateway rules as the other APIs (BRIEF §11): subscription key, then a Bearer token valid now. */
function requireUserinfoAuth(sim: SimContext): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const key = c.req.header('Ocp-Apim-Subscription-Key');
    if (!key) return userinfoError(c, 401, 'Access denied due to missing subscription key.');
    if (key !== sim.config.subscriptionKey) {
      return userinfoError(c, 401, 'Access denied due to invalid subscription key.');
    }
    const token = /^Bearer\s+(\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const status = token ? sim.tokens.status(token) : 'unknown';
    if (status === 'expired') return userinfoError(c, 401, 'Unauthorized. Access token has expired.');
    if (status !== 'valid') return userinfoError(c, 401, 'Unauthorized. Access token is missing or invalid.');
    await next();
  };
}

export function userinfoRoutes(sim: SimContext): Hono<SimEnv> {
  const api = new Hono<SimEnv>();

  api.use('*', requireUserinfoAuth(sim));

  api.get(
    '/userinfo/:sub',
    async (c, next) => {
      // Before the fault check, so a fault may name the payment and the request log shows `ref=<reference>`.
      const reference = sim.grants.get(c.req.param('sub'))?.reference;
      if (reference) c.set('logReference', reference);
      await next();
    },
    injectFaults(sim.faults, 'userinfo', userinfoError),
    (c) => {
      const asking = askingMsn(sim, c);
      if ('error' in asking) return asking.error;
      const grant = sim.grants.get(c.req.param('sub'));
      const unknown = 'No user information for this sub.';
      if (!grant) return userinfoError(c, 404, unknown);
      if (grant.msn !== asking.msn) {
        return userinfoError(c, 403, `This sub was not shared with Merchant-Serial-Number ${asking.msn}.`);
      }
      // The data is meant to be fetched soon after the payment (SOURCES.md). Past the window it is gone, and the
      // spec lists no 410, so the answer is the same 404 as for a sub never seen.
      if (sim.clock.nowMs() >= grant.grantedAtMs + sim.config.userinfoWindowSeconds * 1000) {
        return userinfoError(c, 404, unknown);
      }
      return json(userinfoBody(grant), 200);
    },
  );

  return api;
}
