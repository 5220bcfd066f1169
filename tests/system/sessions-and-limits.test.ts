// Against a real `next start`: what the attack review observed on a fresh clone must no longer work.
// - a session cookie saved before sign-out opened /api/admin/* afterwards (200);
// - a fresh X-Forwarded-For per guess bypassed the per-address sign-in limit (14 guesses at 14 accounts, no 429);
// - 200 anonymous checkouts in 15 s were all accepted, each one a payment created at Vipps.
// With no trusted proxy (the default), the address is the socket's, whatever X-Forwarded-For says.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@fjellbutikken/vipps-simulator';
import { demoStaff } from '../support/demo-staff';
import { startApp, type AppProcess } from './support/app-process';
import { signInOverHttp } from './support/staff-http';

const OPERATOR = demoStaff('operator');
const CHECKOUT_LIMIT = 5;
const spoofed = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i + 1}` });

let simulator: RunningSimulator;
let app: AppProcess;
let dataDir: string;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, logLevel: 'silent' });
  mkdirSync(path.resolve('.data'), { recursive: true });
  dataDir = mkdtempSync(path.resolve('.data/system-sessions-'));
  app = await startApp({
    env: {
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      VIPPS_BASE_URL: simulator.url.replace('127.0.0.1', 'localhost'),
      CHECKOUT_RATE_LIMIT_PER_MINUTE: String(CHECKOUT_LIMIT),
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await simulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signOut(cookie: string): Promise<void> {
  const { csrfToken } = (await (await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const response = await fetch(`${app.url}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  expect(response.status).toBeLessThan(400);
}

describe('against next start', () => {
  it('refuses a session cookie saved before sign-out (401 on /api/admin/*)', async () => {
    const saved = await signInOverHttp(app.url, OPERATOR.email, OPERATOR.password);
    expect((await fetch(`${app.url}/api/admin/sessions`, { headers: { cookie: saved } })).status).toBe(200);
    await signOut(saved);
    for (const path of ['/api/admin/sessions', '/api/admin/orders']) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie: saved } });
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('counts 14 guesses at 14 accounts against one address, whatever X-Forwarded-For each claims', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 14; i++) {
      const csrf = await fetch(`${app.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...spoofed(i) },
        body: new URLSearchParams({
          email: `guess-${i}@example.com`,
          password: 'wrong-password-guess',
          csrfToken,
          json: 'true',
        }),
      });
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    // Ten free attempts per address, then growing delays: at least one of the last four is refused.
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
    expect(statuses).toContain(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused!.json()).toMatchObject({ status: 429, code: 'too_many_attempts' });
  });

  it('answers a burst of checkouts from one address with 429 after the limit, even with fresh X-Forwarded-For', async () => {
    const responses = await Promise.all(
      Array.from({ length: CHECKOUT_LIMIT + 3 }, (_, i) =>
        fetch(`${app.url}/api/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...spoofed(i) },
          body: JSON.stringify({ items: [{ sku: 'fjellkaffe', quantity: 1 }] }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([
      ...Array.from({ length: CHECKOUT_LIMIT }, () => 201),
      ...Array.from({ length: 3 }, () => 429),
    ]);
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'too_many_attempts' });
  });
});
