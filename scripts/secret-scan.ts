// The secrets scan's logic (no secret may reach a browser or a log), apart from its command line
// (scripts/scan-secrets.ts) so that a unit test can plant secrets and check what is found.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { DEMO_STAFF } from '../lib/server/env/demo-staff';
import { SIMULATOR_DEFAULTS } from '../lib/server/env/schema';

export interface Secret {
  name: string;
  value: string;
}

/** Shorter values would match by accident (and no real secret is that short: the env schema refuses them). */
const MIN_LENGTH = 8;

export function knownSecrets(env: Record<string, string | undefined>): Secret[] {
  const candidates: [string, string | undefined][] = [
    ['VIPPS_CLIENT_SECRET', env.VIPPS_CLIENT_SECRET],
    ['VIPPS_SUBSCRIPTION_KEY', env.VIPPS_SUBSCRIPTION_KEY],
    ['NEXTAUTH_SECRET', env.NEXTAUTH_SECRET],
    ['STAFF_PASSWORD', env.STAFF_PASSWORD],
    ['simulator client secret', SIMULATOR_CREDENTIALS.clientSecret],
    ['simulator subscription key', SIMULATOR_CREDENTIALS.subscriptionKey],
    ['demo NEXTAUTH_SECRET', SIMULATOR_DEFAULTS.NEXTAUTH_SECRET],
    ['old demo staff password', 'vipps-demo-staff'],
    ['test NEXTAUTH_SECRET', 'test-only-not-a-real-secret'],
    ...DEMO_STAFF.map((account): [string, string] => [`demo ${account.role} password`, account.password]),
  ];
  const seen = new Set<string>();
  return candidates.flatMap(([name, value]) => {
    if (!value || value.length < MIN_LENGTH || seen.has(value)) return [];
    seen.add(value);
    return [{ name, value }];
  });
}

/** The forms a value takes in a JS bundle, a JSON log line or a URL. */
export function variants(value: string): string[] {
  const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), value.replaceAll('/', '\\/')];
  return [...new Set(forms)];
}

/**
 * Access tokens: a JWT's `header.payload.signature` (what Vipps and the simulator hand out, BRIEF §2) and a
 * Bearer header with a long credential. next-auth's own session JWE has an empty second part and is not matched.
 */
export const TOKEN_PATTERNS: [string, RegExp][] = [
  ['access token (JWT)', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
  ['Bearer credential', /Bearer\s+[A-Za-z0-9._~+/-]{20,}/],
];

export function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesUnder(full, keep);
    return keep(full) ? [full] : [];
  });
}

export interface Hit {
  file: string;
  what: string;
}

export function scan(files: string[], secrets: Secret[]): { hits: Hit[]; bytes: number } {
  const hits: Hit[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    bytes += text.length;
    for (const secret of secrets) {
      if (variants(secret.value).some((form) => text.includes(form))) hits.push({ file, what: secret.name });
    }
    for (const [what, pattern] of TOKEN_PATTERNS) if (pattern.test(text)) hits.push({ file, what });
  }
  return { hits, bytes };
}
