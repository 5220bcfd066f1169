import { z } from 'zod';
import { createBrand } from '../../brand';
import { DEMO_STAFF } from './demo-staff';
import { DEFAULT_SHOP_HOST, exposureReason } from './exposure';

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
} as const;

/**
 * Every demo secret this repo documents (the defaults above and the fixed values the test scripts use). Against
 * a real Vipps host any of these would let anyone who read the repo forge a staff session or use the keys.
 */
export const DOCUMENTED_DEMO_SECRETS: ReadonlySet<string> = new Set([
  SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID,
  SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET,
  SIMULATOR_DEFAULTS.VIPPS_SUBSCRIPTION_KEY,
  SIMULATOR_DEFAULTS.NEXTAUTH_SECRET,
  ...DEMO_STAFF.map((staff) => staff.password),
  'test-only-not-a-real-secret',
  'ci-only-not-a-real-secret',
]);

/** next-auth signs session cookies with this; shorter secrets can be brute-forced offline from one cookie. */
export const MIN_NEXTAUTH_SECRET_LENGTH = 32;

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

  /**
   * The address `npm run dev` / `npm start` bind the shop and the simulator to. Anything but loopback (e.g.
   * 0.0.0.0 for a demo on the LAN) makes the shop reachable by others, so the demo secrets are refused.
   */
  SHOP_HOST: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]+|[A-Za-z0-9.-]+)$/, {
        message: 'must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
      })
      .default(DEFAULT_SHOP_HOST),
  ),

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

  /**
   * How often the reconciler looks for payments that are not settled yet: each should be settled within 2 minutes,
   * even when its webhook never comes.
   */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(30_000),
  /** The reconciler leaves payments alone that were read from Vipps more recently than this. */
  RECONCILE_MIN_AGE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),

  /**
   * The dashboard flags reservations older than this. Vipps allows capture for 180 days (BRIEF §5), but a card
   * issuer may release a reservation much sooner, so capture or cancel well before.
   */
  RESERVATION_STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(180).default(7),
  /** The Vipps API log keeps rows this many days, and at most this many rows (so it cannot grow without limit). */
  VIPPS_API_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  VIPPS_API_LOG_MAX_ROWS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  /** The webhook inbox keeps deliveries this many days, and at most this many refused ones (forgeries). */
  WEBHOOK_INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  WEBHOOK_INBOX_MAX_REFUSED: z.coerce.number().int().min(10).max(1_000_000).default(1_000),
  /** A shopper's phone number is forgotten this many days after the order (orders, stored request bodies). */
  SHOPPER_PHONE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  /** A profile shared from Vipps (name, e-mail, phone, address) is erased this many days after its order settled. */
  PROFILE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),

  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: z.url().optional(),

  /**
   * How many reverse proxies of our own sit in front of the app, each appending to X-Forwarded-For. 0 (no
   * proxy): the socket's peer is the client and a client-sent X-Forwarded-For is ignored; too high a number
   * lets clients choose their own address for the sign-in and checkout limits (lib/server/http/client-address.ts).
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** Checkouts one client address may start per minute; the next is answered 429 with Retry-After. */
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),

  /**
   * `1` turns on the benchmark's baseline route (`GET /api/bench/bare`, bench/run.ts); anything else leaves it a
   * 404. Refused against a real Vipps host: it is a measuring aid, never part of the shop.
   */
  BENCH_ROUTES: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1']).default('0')),
});

/** Vipps keys: may fall back to the simulator's test keys while the Vipps host is the local simulator. */
const VIPPS_SECRET_KEYS = ['VIPPS_CLIENT_ID', 'VIPPS_CLIENT_SECRET', 'VIPPS_SUBSCRIPTION_KEY', 'VIPPS_MSN'] as const;
/** Every secret; NEXTAUTH_SECRET falls back to the demo value only while the shop is unreachable by others too. */
const SECRET_KEYS = [...VIPPS_SECRET_KEYS, 'NEXTAUTH_SECRET'] as const;

const HINTS: Record<string, string> = {
  VIPPS_CLIENT_ID: 'from portal.vippsmobilepay.com → For developers → API keys (test keys for apitest.vipps.no)',
  VIPPS_CLIENT_SECRET: 'from the same API keys page as VIPPS_CLIENT_ID',
  VIPPS_SUBSCRIPTION_KEY: 'the Ocp-Apim-Subscription-Key from the same API keys page',
  VIPPS_MSN: 'the Merchant Serial Number of your sales unit',
  NEXTAUTH_SECRET: 'generate one with: openssl rand -base64 32',
};

export type Env = z.infer<typeof rawSchema> & { [K in (typeof SECRET_KEYS)[number]]: string } & {
  /** True while the Vipps base URL is a local host (the bundled simulator): its test keys are allowed. */
  usingLocalVipps: boolean;
  /**
   * True only with the local simulator AND a shop nobody else can reach (exposure.ts): then, and only then, the
   * demo NEXTAUTH_SECRET is allowed and the demo staff accounts are seeded and accepted.
   */
  demoSecretsAllowed: boolean;
};

const ENV_ERROR = createBrand('env-error');

/** An EnvError from any copy of this module (lib/brand.ts says why not instanceof). */
export const isEnvError = (error: unknown): error is EnvError => ENV_ERROR.isOn(error);

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}). ` +
        `Fix these environment variables (see .env.example):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'EnvError';
    ENV_ERROR.mark(this);
  }
}

/** Whoever can reach the shop could forge a staff session with a published or guessable signing secret. */
function sessionSecretProblems(secrets: Record<string, string>, exposure: string): string[] {
  const authSecret = secrets.NEXTAUTH_SECRET;
  if (authSecret === undefined) return [];
  if (DOCUMENTED_DEMO_SECRETS.has(authSecret)) {
    return [
      `NEXTAUTH_SECRET: is a demo value published in this repository, and the shop is reachable by others ` +
        `(${exposure}): anyone could forge a staff session; set your own — ${HINTS.NEXTAUTH_SECRET}`,
    ];
  }
  if (authSecret.length < MIN_NEXTAUTH_SECRET_LENGTH || /\s/.test(authSecret)) {
    return [
      `NEXTAUTH_SECRET: must be at least ${MIN_NEXTAUTH_SECRET_LENGTH} characters with no whitespace — ${HINTS.NEXTAUTH_SECRET}`,
    ];
  }
  return [];
}

/** Rules that only apply against a real Vipps host, where the shop handles real money. */
function productionProblems(data: z.infer<typeof rawSchema>, secrets: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of VIPPS_SECRET_KEYS) {
    if (secrets[key] !== undefined && DOCUMENTED_DEMO_SECRETS.has(secrets[key])) {
      problems.push(`${key}: is a demo value published in this repository; set your own — ${HINTS[key]}`);
    }
  }
  const urls = {
    VIPPS_BASE_URL: data.VIPPS_BASE_URL,
    PUBLIC_BASE_URL: data.PUBLIC_BASE_URL,
    NEXTAUTH_URL: data.NEXTAUTH_URL,
  };
  for (const [key, url] of Object.entries(urls)) {
    if (url !== undefined && !isLocalUrl(url) && new URL(url).protocol !== 'https:') {
      problems.push(`${key}: must be an https:// URL against a real Vipps host (got ${JSON.stringify(url)})`);
    }
  }
  if (data.BENCH_ROUTES === '1') {
    problems.push(
      'BENCH_ROUTES: the benchmark routes are for the local simulator only; unset it against a real Vipps host',
    );
  }
  return problems;
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
  const exposure = data
    ? (exposureReason(data) ?? (usingLocalVipps ? undefined : `VIPPS_BASE_URL ${baseUrl} is a real Vipps host`))
    : undefined;
  const demoSecretsAllowed = usingLocalVipps && exposure === undefined;
  const secrets: Record<string, string> = {};
  for (const key of SECRET_KEYS) {
    const value = data?.[key] ?? (source[key] || undefined);
    const demoAllowed = key === 'NEXTAUTH_SECRET' && data ? demoSecretsAllowed : usingLocalVipps;
    if (value) secrets[key] = value;
    else if (demoAllowed) secrets[key] = SIMULATOR_DEFAULTS[key];
    else if (usingLocalVipps) {
      problems.push(`${key}: required when the shop is reachable by others (${exposure}) — ${HINTS[key]}`);
    } else {
      problems.push(`${key}: required when VIPPS_BASE_URL is not the local simulator (${baseUrl}) — ${HINTS[key]}`);
    }
  }
  if (exposure !== undefined) problems.push(...sessionSecretProblems(secrets, exposure));
  if (!usingLocalVipps && data) problems.push(...productionProblems(data, secrets));
  if (problems.length > 0 || !data) throw new EnvError(problems);
  return {
    ...data,
    ...(secrets as Record<(typeof SECRET_KEYS)[number], string>),
    usingLocalVipps,
    demoSecretsAllowed,
  };
}
