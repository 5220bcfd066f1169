/**
 * Access Token API (`access-token-api.swagger.yaml`): `POST /accesstoken/get`, also as `/accessToken/get`
 * (the Postman collections' spelling, BRIEF §1). Credentials are headers; the answer's values are all strings.
 * Wrong credentials answer in the Azure AD style the SDK models (BRIEF §2).
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { SimContext } from '../context';
import type { SimEnv } from '../http/sim-env';
import { checkSubscriptionKey } from '../http/auth';
import { injectFaults } from '../http/faults';

function azureAdError(c: Context, status: 400 | 401, error: string, code: number, description: string): Response {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return c.json(
    {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    status,
  );
}

export function tokenRoutes(sim: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const handler = (c: Context<SimEnv>) => {
    const keyProblem = checkSubscriptionKey(sim, c);
    if (keyProblem) return keyProblem;
    const clientId = c.req.header('client_id');
    const clientSecret = c.req.header('client_secret');
    if (!clientId) {
      return azureAdError(
        c,
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_id'.",
      );
    }
    if (!clientSecret) {
      return azureAdError(
        c,
        400,
        'invalid_request',
        7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      );
    }
    if (clientId !== sim.config.clientId) {
      return azureAdError(
        c,
        401,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory.`,
      );
    }
    if (clientSecret !== sim.config.clientSecret) {
      return azureAdError(
        c,
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.',
      );
    }
    const issued = sim.tokens.issue(clientId);
    const body = {
      token_type: 'Bearer',
      expires_in: String(issued.expiresOnSeconds - issued.notBeforeSeconds),
      ext_expires_in: '0',
      expires_on: String(issued.expiresOnSeconds),
      not_before: String(issued.notBeforeSeconds),
      resource: '00000002-0000-0000-c000-000000000000',
      access_token: issued.accessToken,
    };
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/json;charset=UTF-8' });
  };
  for (const path of ['/accesstoken/get', '/accessToken/get'])
    app.post(path, injectFaults(sim.faults, 'token'), handler);
  return app;
}
