// The app's structured logger (pino, JSON lines). Code should never put secrets into log objects in the
// first place; `redact` is the safety net for when someone logs a header bag or a config object anyway.
import pino, { type DestinationStream, type Logger } from 'pino';
import { getEnv } from './env';

const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'ocp-apim-subscription-key',
  'Ocp-Apim-Subscription-Key',
  'client_secret',
  'clientSecret',
  'subscriptionKey',
  'access_token',
  'accessToken',
  'secret',
  'password',
  'VIPPS_CLIENT_SECRET',
  'VIPPS_SUBSCRIPTION_KEY',
  'NEXTAUTH_SECRET',
];

/** Each key at the top level, one level down (`headers.authorization`) and two down (`req.headers.…`). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = segment.startsWith('.') ? key : segment;
  return [top, `*${segment}`, `*.*${segment}`];
});

/**
 * A failed query's error (drizzle's DrizzleQueryError) carries the statement's parameters, in `params` and in
 * its message ("Failed query: …\nparams: …"): shoppers' phone numbers, raw request text. The log keeps the
 * statement and how many parameters it had, never their values — anywhere in the error's cause chain.
 */
export function withoutQueryParams(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 8) return error;
  const cause = withoutQueryParams(error.cause, depth + 1);
  const params = (error as { params?: unknown }).params;
  const query = (error as { query?: unknown }).query;
  const isFailedQuery = typeof query === 'string' && Array.isArray(params);
  if (!isFailedQuery && cause === error.cause) return error;
  const message = isFailedQuery ? `Failed query: ${query}\nparams: [${params.length} hidden]` : error.message;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(error)) if (key !== 'params') copy[key] = value;
  Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true });
  Object.defineProperty(copy, 'stack', {
    value: error.stack?.replace(error.message, message),
    enumerable: false,
    writable: true,
  });
  if (error.cause !== undefined) copy.cause = cause;
  return copy;
}

export function createAppLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: (error: unknown) => pino.stdSerializers.err(withoutQueryParams(error) as Error) },
      base: { app: 'vipps-epayment-demo-shop' },
    },
    options.destination,
  );
}

/**
 * Where a module logs (orders, webhooks, the API log's writer, the background work): pino's Logger fits, and
 * tests pass a silent one or a recorder. Kept here, beside the logger, so every folder can name it without
 * depending on another domain's folder.
 */
export interface ModuleLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

let appLogger: Logger | undefined;

/** The process-wide logger, at LOG_LEVEL. Pipe through `pino-pretty` for human-readable output. */
export function getLogger(): Logger {
  appLogger ??= createAppLogger({ level: getEnv().LOG_LEVEL });
  return appLogger;
}
