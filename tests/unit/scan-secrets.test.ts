// The secrets scan (scripts/scan-secrets.ts) must fail on a planted secret in any of its usual disguises, name
// what it found without printing it, and pass on clean output. Run as `npm test` runs it: a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { knownSecrets, scan } from '@/scripts/secret-scan';
import { demoStaff } from '../support/demo-staff';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function logDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-secrets-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The command line, as test-all.sh runs it (slow: a tsx process each). */
function scanLogs(files: Record<string, string>, env: Record<string, string> = {}) {
  const dir = logDir(files);
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/scan-secrets.ts', 'logs', dir], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const A_TOKEN = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzaW11bGF0b3ItY2xpZW50In0.${'x'.repeat(40)}`;

describe('scripts/secret-scan.ts', () => {
  const tricky = 'pa"ss/wo rd+42';
  it.each([
    ['the configured STAFF_PASSWORD', `password=${tricky}`, { STAFF_PASSWORD: tricky }, 'STAFF_PASSWORD'],
    ['it JSON-escaped', JSON.stringify({ p: tricky }), { STAFF_PASSWORD: tricky }, 'STAFF_PASSWORD'],
    ['it URL-encoded', `?p=${encodeURIComponent(tricky)}`, { STAFF_PASSWORD: tricky }, 'STAFF_PASSWORD'],
    [
      'the configured VIPPS_CLIENT_SECRET',
      'x=real-client-secret-1',
      { VIPPS_CLIENT_SECRET: 'real-client-secret-1' },
      'VIPPS_CLIENT_SECRET',
    ],
    ['the simulator client secret', `s=${SIMULATOR_CREDENTIALS.clientSecret}`, {}, 'simulator client secret'],
    ['the simulator subscription key', SIMULATOR_CREDENTIALS.subscriptionKey, {}, 'simulator subscription key'],
    ['a demo viewer password', demoStaff('viewer').password, {}, 'demo viewer password'],
    ['an access token', `"access_token":"${A_TOKEN}"`, {}, 'access token (JWT)'],
    ['a Bearer header', `authorization: Bearer ${'A'.repeat(30)}`, {}, 'Bearer credential'],
  ])('finds %s', (_what, text, env, name) => {
    const dir = logDir({ 'e2e.log': `line one\n${text}\n` });
    expect(scan([path.join(dir, 'e2e.log')], knownSecrets(env)).hits.map((h) => h.what)).toContain(name);
  });

  it('finds nothing in clean output', () => {
    const dir = logDir({
      'shop.log': '{"level":30,"msg":"payment created","reference":"fb-1","authorization":"[Redacted]"}\n',
    });
    expect(scan([path.join(dir, 'shop.log')], knownSecrets({})).hits).toEqual([]);
  });
});

describe('scripts/scan-secrets.ts', () => {
  it('exits 1 on a hit and names it without printing it; exits 0 on clean logs', () => {
    const { password } = demoStaff('operator');
    const hit = scanLogs({ 'a.log': password });
    expect(hit.status).toBe(1);
    expect(hit.output).toContain('FOUND demo operator password');
    expect(hit.output).not.toContain(password);
    expect(scanLogs({ 'a.log': 'all fine' }).status).toBe(0);
  });

  it('exits 1 when there is nothing to scan (the run did not happen where it looked)', () => {
    expect(scanLogs({}).status).toBe(1);
  });
});
