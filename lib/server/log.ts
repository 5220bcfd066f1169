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

export function createAppLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'vipps-epayment-demo-shop' },
    },
    options.destination,
  );
}

let appLogger: Logger | undefined;

/** The process-wide logger, at LOG_LEVEL. Pipe through `pino-pretty` for human-readable output. */
export function getLogger(): Logger {
  appLogger ??= createAppLogger({ level: getEnv().LOG_LEVEL });
  return appLogger;
}
