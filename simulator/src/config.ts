/**
 * Simulator configuration: defaults, the SIM_* environment variables, and validation with readable messages.
 * The defaults are the test credentials the shop's `.env.example` uses, so both work out of the box.
 */
import { z } from 'zod';

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
}

export const DEFAULT_CONFIG: SimConfig = {
  port: 4010,
  host: '127.0.0.1',
  publicUrl: 'http://localhost:4010',
  clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de',
  clientSecret: 'Y8Kteew6GE2ZmeycEt6egg==',
  subscriptionKey: 'sim-subscription-key-0000',
  acceptedMsns: ['123456'],
  tokenLifetimeSeconds: 3600,
  paymentTimeoutSeconds: 600,
  merchantName: 'Fjellbutikken',
  logLevel: 'info',
};

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive();

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
  SIM_MSN: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((msn) => msn.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[0-9]{4,6}$/, 'each MSN must be 4-6 digits')).min(1, 'needs at least one MSN'))
    .optional(),
  SIM_TOKEN_LIFETIME_SECONDS: positiveInt('SIM_TOKEN_LIFETIME_SECONDS').optional(),
  SIM_PAYMENT_TIMEOUT_SECONDS: positiveInt('SIM_PAYMENT_TIMEOUT_SECONDS').optional(),
  SIM_MERCHANT_NAME: z.string().min(1).max(100).optional(),
  SIM_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
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
