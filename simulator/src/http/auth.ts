/**
 * Gateway checks in front of every API call (BRIEF §2, §3, §7). Vipps runs Azure API Management, whose 401s
 * have their own shape `{ statusCode, message }` rather than a Problem. The MSN check is ePayment's own and
 * answers with Problems: 400 when missing or malformed, 403 when the MSN is not one this simulator serves.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { SimConfig } from '../config';
import type { TokenStore } from '../token/token-store';
import { ProblemError, sendSimResponse } from './problem';
import type { SimEnv } from './sim-env';

/** What the gateway checks need: the accepted credentials and the issued tokens. */
export interface GatewayDeps {
  config: Pick<SimConfig, 'subscriptionKey' | 'acceptedMsns'>;
  tokens: Pick<TokenStore, 'status'>;
}

const MISSING_KEY =
  'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY =
  'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
const INVALID_TOKEN = 'Unauthorized. Access token is missing or invalid.';
const EXPIRED_TOKEN = 'Unauthorized. Access token has expired.';

export function apimError(c: Context, status: number, message: string): Response {
  return c.json({ statusCode: status, message }, status as 401);
}

/** The gateway's rate-limit answer (Azure API Management): 429, `Retry-After` in seconds, and the same text. */
export function tooManyRequests(c: Context, seconds: number): Response {
  const response = apimError(c, 429, `Rate limit is exceeded. Try again in ${seconds} seconds.`);
  response.headers.set('Retry-After', String(seconds));
  return response;
}

/** Returns the 401 to send, or null when the subscription key is right. Also used by the token endpoint. */
export function checkSubscriptionKey(sim: Pick<GatewayDeps, 'config'>, c: Context): Response | null {
  const key = c.req.header('Ocp-Apim-Subscription-Key');
  if (!key) return apimError(c, 401, MISSING_KEY);
  if (key !== sim.config.subscriptionKey) return apimError(c, 401, INVALID_KEY);
  return null;
}

/** Subscription key, then `Authorization: Bearer <token>` valid on the virtual clock ("Bearer" is required). */
export function requireApiAuth(sim: GatewayDeps): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const keyProblem = checkSubscriptionKey(sim, c);
    if (keyProblem) return keyProblem;
    const match = /^Bearer\s+(\S+)$/.exec(c.req.header('Authorization') ?? '');
    const status = match?.[1] ? sim.tokens.status(match[1]) : 'unknown';
    if (status === 'expired') return apimError(c, 401, EXPIRED_TOKEN);
    if (status !== 'valid') return apimError(c, 401, INVALID_TOKEN);
    await next();
  };
}

/** ePayment requires `Merchant-Serial-Number` (`^[0-9]{4,6}$`) on every call (BRIEF §3). */
export function requireMsn(sim: Pick<GatewayDeps, 'config'>): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const msn = c.req.header('Merchant-Serial-Number');
    const instance = c.req.path;
    if (!msn || !/^[0-9]{4,6}$/.test(msn)) {
      const reason = msn
        ? `The header Merchant-Serial-Number must match the regular expression '^[0-9]{4,6}$'.`
        : 'The header Merchant-Serial-Number is required.';
      return sendSimResponse(
        ProblemError.validation([{ name: 'Merchant-Serial-Number', reason }], reason).toResponse(instance),
      );
    }
    if (!sim.config.acceptedMsns.includes(msn)) {
      return sendSimResponse(
        new ProblemError(
          403,
          'Forbidden',
          `Merchant-Serial-Number ${msn} is not available with this subscription key (accepted: ${sim.config.acceptedMsns.join(', ')}).`,
        ).toResponse(instance),
      );
    }
    c.set('msn', msn);
    await next();
  };
}
