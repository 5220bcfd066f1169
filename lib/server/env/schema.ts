import { z } from 'zod';

/**
 * Test credentials the bundled simulator accepts out of the box (see simulator/README.md). They are only
 * ever used as defaults while VIPPS_BASE_URL points at a local host, so a forgotten variable can never
 * send a fake secret to the real Vipps.
 */
export const SIMULATOR_DEFAULTS = {
  VIPPS_BASE_URL: 'http://localhost:4010',
  VIPPS_CLIENT_ID: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de',
  VIPPS_CLIENT_SECRET: 'Y8Kteew6GE2ZmeycEt6egg==',
  VIPPS_SUBSCRIPTION_KEY: 'sim-subscription-key-0000',
  VIPPS_MSN: '123456',
  NEXTAUTH_SECRET: 'local-demo-only-secret-change-me-for-real-vipps',
  STAFF_EMAIL: 'staff@example.com',
  STAFF_PASSWORD: 'vipps-demo-staff',
} as const;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function isLocalUrl(url: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const rawSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  PUBLIC_BASE_URL: z
    .url({ message: 'must be the absolute URL shoppers use to reach the shop, e.g. http://localhost:3000' })
    .default('http://localhost:3000'),

  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// (leave it unset to use embedded PGlite)' })
      .optional(),
  ),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),

  VIPPS_BASE_URL: z
    .url({ message: 'must be a URL such as https://apitest.vipps.no or http://localhost:4010' })
    .default(SIMULATOR_DEFAULTS.VIPPS_BASE_URL),
  VIPPS_CLIENT_ID: optionalString,
  VIPPS_CLIENT_SECRET: optionalString,
  VIPPS_SUBSCRIPTION_KEY: optionalString,
  VIPPS_MSN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[0-9]{4,7}$/, { message: 'must be the 4–7 digit Merchant Serial Number' })
      .optional(),
  ),
  VIPPS_SYSTEM_NAME: z.string().min(1).max(30).default('vipps-epayment-demo-shop'),
  VIPPS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Overall budget for one Vipps call including all retries (BRIEF §3: retry 5xx/423/429 with the same key). */
  VIPPS_RETRY_DEADLINE_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),

  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: z.url().optional(),
  STAFF_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
  STAFF_PASSWORD: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
  ),
});

/** Secrets that may fall back to a demo value only while the Vipps host is the local simulator. */
const SECRET_KEYS = [
  'VIPPS_CLIENT_ID',
  'VIPPS_CLIENT_SECRET',
  'VIPPS_SUBSCRIPTION_KEY',
  'VIPPS_MSN',
  'NEXTAUTH_SECRET',
  'STAFF_EMAIL',
  'STAFF_PASSWORD',
] as const;

const HINTS: Record<string, string> = {
  VIPPS_CLIENT_ID: 'from portal.vippsmobilepay.com → For developers → API keys (test keys for apitest.vipps.no)',
  VIPPS_CLIENT_SECRET: 'from the same API keys page as VIPPS_CLIENT_ID',
  VIPPS_SUBSCRIPTION_KEY: 'the Ocp-Apim-Subscription-Key from the same API keys page',
  VIPPS_MSN: 'the Merchant Serial Number of your sales unit',
  NEXTAUTH_SECRET: 'generate one with: openssl rand -base64 32',
  STAFF_EMAIL: 'the e-mail staff use to sign in to /admin',
  STAFF_PASSWORD: 'at least 12 characters',
};

export type Env = z.infer<typeof rawSchema> & { [K in (typeof SECRET_KEYS)[number]]: string } & {
  /** True while the Vipps base URL is a local host (the bundled simulator): demo secrets are allowed. */
  usingLocalVipps: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}). ` +
        `Fix these environment variables (see .env.example):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'EnvError';
  }
}

/** Parses the whole environment at once, so one message lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      problems.push(`${key}: ${issue.message} (got ${JSON.stringify(source[key] ?? null)})`);
    }
  }
  const data = parsed.success ? parsed.data : undefined;
  const baseUrl = data?.VIPPS_BASE_URL ?? source.VIPPS_BASE_URL ?? SIMULATOR_DEFAULTS.VIPPS_BASE_URL;
  const usingLocalVipps = isLocalUrl(baseUrl);
  const secrets: Record<string, string> = {};
  for (const key of SECRET_KEYS) {
    const value = data?.[key] ?? (source[key] || undefined);
    if (value) secrets[key] = value;
    else if (usingLocalVipps) secrets[key] = SIMULATOR_DEFAULTS[key];
    else problems.push(`${key}: required when VIPPS_BASE_URL is not the local simulator (${baseUrl}) — ${HINTS[key]}`);
  }
  if (problems.length > 0 || !data) throw new EnvError(problems);
  return { ...data, ...(secrets as Record<(typeof SECRET_KEYS)[number], string>), usingLocalVipps };
}
