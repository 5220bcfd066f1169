/**
 * Simulator configuration: defaults, the SIM_* environment variables, and validation with readable messages.
 * The default credentials live in `defaults.ts`; the shop's `.env.example` uses the same, so both work out of the box.
 */
import { z } from 'zod';
import { SIMULATOR_CREDENTIALS, SIMULATOR_DEFAULT_HOST, SIMULATOR_DEFAULT_PORT } from './defaults';
import type { TestUserInput } from './users/test-user';
import { readUsersFile } from './users/users-file';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SimConfig {
  port: number;
  host: string;
  /** Base for landing-page and QR links handed to shoppers. */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  /** Merchant serial numbers this simulator accepts (BRIEF §3: `^[0-9]{4,6}$`). */
  acceptedMsns: string[];
  tokenLifetimeSeconds: number;
  /** A CREATED payment expires after this long on the virtual clock (BRIEF §5: 10 minutes). */
  paymentTimeoutSeconds: number;
  merchantName: string;
  logLevel: LogLevel;
  /** Store bounds, so a run nobody resets stays bounded: beyond them the oldest (finished) records are forgotten. */
  maxPayments: number;
  maxIdempotencyKeys: number;
  maxTokens: number;
  maxWebhookDeliveries: number;
  /** Vipps' documented rate limits (5/min for money moves, 120/min for reads); off for load tests. */
  rateLimits: boolean;
  /** Longest accepted `reference`: 50 in the saved spec, 64 in newer docs (BRIEF §4.1). */
  maxReferenceLength: number;
  /** `captureGuaranteedUntil` is this many days after authorization ([newer]; card networks: 5-30 days). */
  captureGuaranteeDays: number;
  /** Sales units allowed to ask for the `nin` scope; others get 5030 "Illegal scope" (BRIEF §4.1, §7). */
  ninMsns: string[];
  /** How long after approval the Userinfo API serves a grant's data (virtual clock). */
  userinfoWindowSeconds: number;
  /** Test users from `SIM_USERS_FILE`, over the built-in ones (users/user-directory.ts). */
  users: TestUserInput[];
}

export const DEFAULT_CONFIG: SimConfig = {
  port: SIMULATOR_DEFAULT_PORT,
  host: SIMULATOR_DEFAULT_HOST,
  publicUrl: `http://localhost:${SIMULATOR_DEFAULT_PORT}`,
  clientId: SIMULATOR_CREDENTIALS.clientId,
  clientSecret: SIMULATOR_CREDENTIALS.clientSecret,
  subscriptionKey: SIMULATOR_CREDENTIALS.subscriptionKey,
  acceptedMsns: [SIMULATOR_CREDENTIALS.msn],
  tokenLifetimeSeconds: 3600,
  paymentTimeoutSeconds: 600,
  merchantName: 'Fjellbutikken',
  logLevel: 'info',
  maxPayments: 10_000,
  maxIdempotencyKeys: 20_000,
  maxTokens: 1_000,
  maxWebhookDeliveries: 10_000,
  rateLimits: true,
  maxReferenceLength: 50,
  captureGuaranteeDays: 7,
  ninMsns: [],
  userinfoWindowSeconds: 3600,
  users: [],
};

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive();

const msnList = z.string().transform((list) =>
  list
    .split(',')
    .map((msn) => msn.trim())
    .filter(Boolean),
);
const msnPattern = z.string().regex(/^[0-9]{4,6}$/, 'each MSN must be 4-6 digits');

const envSchema = z.object({
  SIM_PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int()
    .min(0, 'must be 0-65535')
    .max(65535, 'must be 0-65535')
    .optional(),
  SIM_HOST: z.string().min(1).optional(),
  SIM_PUBLIC_URL: z
    .url({ message: 'must be an absolute URL such as http://localhost:4010' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  SIM_CLIENT_ID: z.string().min(1).optional(),
  SIM_CLIENT_SECRET: z.string().min(1).optional(),
  SIM_SUBSCRIPTION_KEY: z.string().min(1).optional(),
  SIM_MSN: msnList.pipe(z.array(msnPattern).min(1, 'needs at least one MSN')).optional(),
  SIM_NIN_MSNS: msnList.pipe(z.array(msnPattern)).optional(),
  SIM_USERINFO_WINDOW_SECONDS: positiveInt('SIM_USERINFO_WINDOW_SECONDS').optional(),
  SIM_USERS_FILE: z.string().min(1).optional(),
  SIM_TOKEN_LIFETIME_SECONDS: positiveInt('SIM_TOKEN_LIFETIME_SECONDS').optional(),
  SIM_PAYMENT_TIMEOUT_SECONDS: positiveInt('SIM_PAYMENT_TIMEOUT_SECONDS').optional(),
  SIM_MERCHANT_NAME: z.string().min(1).max(100).optional(),
  SIM_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  SIM_MAX_PAYMENTS: positiveInt('SIM_MAX_PAYMENTS').optional(),
  SIM_MAX_IDEMPOTENCY_KEYS: positiveInt('SIM_MAX_IDEMPOTENCY_KEYS').optional(),
  SIM_MAX_TOKENS: positiveInt('SIM_MAX_TOKENS').optional(),
  SIM_MAX_WEBHOOK_DELIVERIES: positiveInt('SIM_MAX_WEBHOOK_DELIVERIES').optional(),
  SIM_MAX_REFERENCE_LENGTH: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(50, 'must be 50 (the saved spec) to 64 (newer docs)')
    .max(64, 'must be 50 (the saved spec) to 64 (newer docs)')
    .optional(),
  SIM_CAPTURE_GUARANTEE_DAYS: positiveInt('SIM_CAPTURE_GUARANTEE_DAYS').optional(),
  SIM_RATE_LIMITS: z
    .enum(['on', 'off'], { message: 'must be on or off' })
    .transform((value) => value === 'on')
    .optional(),
});

export class ConfigError extends Error {}

/** Reads SIM_* variables; unset or empty ones keep their defaults. Throws ConfigError listing every bad value. */
export function configFromEnv(env: Record<string, string | undefined>): Partial<SimConfig> & { port: number } {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]?.trim()])
      .filter(([, value]) => value !== undefined && value !== ''),
  ) as Record<string, string>;
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${String(issue.path[0])}=${JSON.stringify(present[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid simulator configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Read here, so a bad file stops the start like any other bad variable, with the problem named.
  const users = e.SIM_USERS_FILE === undefined ? undefined : readUsersFile(e.SIM_USERS_FILE);
  if (users && !users.ok) {
    throw new ConfigError(
      `Invalid simulator configuration:\n${users.problems.map((p) => `  SIM_USERS_FILE=${JSON.stringify(e.SIM_USERS_FILE)}: ${p}`).join('\n')}`,
    );
  }
  const port = e.SIM_PORT ?? DEFAULT_CONFIG.port;
  return {
    port,
    host: e.SIM_HOST ?? DEFAULT_CONFIG.host,
    // Without SIM_PUBLIC_URL the links point at the port we listen on (port 0: filled in once it is known).
    ...((e.SIM_PUBLIC_URL ?? port !== 0) && { publicUrl: e.SIM_PUBLIC_URL ?? `http://localhost:${port}` }),
    ...(e.SIM_CLIENT_ID && { clientId: e.SIM_CLIENT_ID }),
    ...(e.SIM_CLIENT_SECRET && { clientSecret: e.SIM_CLIENT_SECRET }),
    ...(e.SIM_SUBSCRIPTION_KEY && { subscriptionKey: e.SIM_SUBSCRIPTION_KEY }),
    ...(e.SIM_MSN && { acceptedMsns: e.SIM_MSN }),
    ...(e.SIM_TOKEN_LIFETIME_SECONDS && { tokenLifetimeSeconds: e.SIM_TOKEN_LIFETIME_SECONDS }),
    ...(e.SIM_PAYMENT_TIMEOUT_SECONDS && { paymentTimeoutSeconds: e.SIM_PAYMENT_TIMEOUT_SECONDS }),
    ...(e.SIM_MERCHANT_NAME && { merchantName: e.SIM_MERCHANT_NAME }),
    ...(e.SIM_LOG_LEVEL && { logLevel: e.SIM_LOG_LEVEL }),
    ...(e.SIM_MAX_PAYMENTS && { maxPayments: e.SIM_MAX_PAYMENTS }),
    ...(e.SIM_MAX_IDEMPOTENCY_KEYS && { maxIdempotencyKeys: e.SIM_MAX_IDEMPOTENCY_KEYS }),
    ...(e.SIM_MAX_TOKENS && { maxTokens: e.SIM_MAX_TOKENS }),
    ...(e.SIM_MAX_WEBHOOK_DELIVERIES && { maxWebhookDeliveries: e.SIM_MAX_WEBHOOK_DELIVERIES }),
    ...(e.SIM_RATE_LIMITS !== undefined && { rateLimits: e.SIM_RATE_LIMITS }),
    ...(e.SIM_MAX_REFERENCE_LENGTH && { maxReferenceLength: e.SIM_MAX_REFERENCE_LENGTH }),
    ...(e.SIM_CAPTURE_GUARANTEE_DAYS && { captureGuaranteeDays: e.SIM_CAPTURE_GUARANTEE_DAYS }),
    ...(e.SIM_NIN_MSNS && { ninMsns: e.SIM_NIN_MSNS }),
    ...(e.SIM_USERINFO_WINDOW_SECONDS && { userinfoWindowSeconds: e.SIM_USERINFO_WINDOW_SECONDS }),
    ...(users?.ok && { users: users.users }),
  };
}

export function resolveConfig(partial: Partial<SimConfig> = {}): SimConfig {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  return {
    ...DEFAULT_CONFIG,
    ...defined,
    publicUrl: (partial.publicUrl ?? DEFAULT_CONFIG.publicUrl).replace(/\/+$/, ''),
  };
}
