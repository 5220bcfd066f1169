// Demo secrets only where they are harmless, against the production build: `next start` refuses the published
// NEXTAUTH_SECRET once PUBLIC_BASE_URL is not loopback, even with the local simulator, and `npm start` binds the
// shop and the simulator to 127.0.0.1, so other machines cannot connect at all.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_DEFAULTS } from '@/lib/server/env/schema';
import { createThrowawayPostgres, dropThrowawayPostgres } from '../integration/throwaway-postgres';
import { assertBuilt, freePort, startApp } from './support/app-process';

/** This process's environment without anything that configures the shop, so each test states its own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(NEXTAUTH_|PUBLIC_BASE_URL|VIPPS_|SHOP_HOST|DATABASE_URL|PGLITE_DIR|SIM_)/.test(key)) env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...extra };
}

/** Runs `next start` and answers its exit code and output; it must stop by itself (a refused configuration). */
function nextStartUntilExit(env: NodeJS.ProcessEnv, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`next start kept running with a refused configuration:\n${output}`));
    }, 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Resolves with the connection error's code, or 'connected' if something on that address accepted. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;

describe('next start with the local simulator and a public PUBLIC_BASE_URL', () => {
  // Its own PGlite folder, in case a regression opened the database after all (never the repo's .data/pglite).
  const dataDir = mkdtempSync(path.join(tmpdir(), 'exposure-pglite-'));
  const exposed = {
    PUBLIC_BASE_URL: 'https://shop.example.com',
    VIPPS_BASE_URL: 'http://localhost:4999',
    PGLITE_DIR: dataDir,
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without a NEXTAUTH_SECRET of its own, naming it', async () => {
    assertBuilt();
    const { code, output } = await nextStartUntilExit(cleanEnv(exposed), await freePort());
    expect(code, output).toBe(1);
    expect(output).toContain(
      'NEXTAUTH_SECRET: required when the shop is reachable by others (PUBLIC_BASE_URL https://shop.example.com is not a loopback URL)',
    );
  });

  it('refuses the demo NEXTAUTH_SECRET published in this repository', async () => {
    const env = cleanEnv({ ...exposed, NEXTAUTH_SECRET: SIMULATOR_DEFAULTS.NEXTAUTH_SECRET });
    const { code, output } = await nextStartUntilExit(env, await freePort());
    expect(code, output).toBe(1);
    expect(output).toContain('NEXTAUTH_SECRET: is a demo value published in this repository');
  });
});

describe('a database that still holds the demo staff', () => {
  let database: { name: string; url: string } | undefined;
  afterAll(async () => {
    if (database) await dropThrowawayPostgres(database.name);
  });

  it('stops the app once the shop is reachable by others, even with the local simulator', async () => {
    database = await createThrowawayPostgres();
    // A local demo first: it seeds the demo accounts, whose passwords are published in this repository.
    const local = await startApp({ env: { DATABASE_URL: database.url, VIPPS_BASE_URL: 'http://localhost:4999' } });
    await local.stop();
    expect(local.output()).toContain('Seeded demo staff');
    const env = cleanEnv({
      DATABASE_URL: database.url,
      VIPPS_BASE_URL: 'http://localhost:4999',
      PUBLIC_BASE_URL: 'https://shop.example.com',
      NEXTAUTH_SECRET: 'q3Vb8Hk1Zt9Lm2Xw7Rp4Yc6Nf0Ja5Ds8',
    });
    const { code, output } = await nextStartUntilExit(env, await freePort());
    expect(code, output).toBe(1);
    expect(output).toContain('Demo staff accounts exist in this database');
    expect(output).toMatch(/npm run staff -- remove operator@example\.com/);
  });
});

describe('npm start (scripts/dev.ts --prod) binds to 127.0.0.1 by default', () => {
  let database: { name: string; url: string };
  let appPort: number;
  let simPort: number;
  let output = '';
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    assertBuilt();
    database = await createThrowawayPostgres();
    appPort = await freePort();
    do simPort = await freePort();
    while (simPort === appPort);
    // `--no-build` starts this build instead of building again; the rest is npm start's own code path.
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/dev.ts', '--prod', '--no-build'], {
      env: cleanEnv({
        PUBLIC_BASE_URL: `http://localhost:${appPort}`,
        VIPPS_BASE_URL: `http://localhost:${simPort}`,
        DATABASE_URL: database.url,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: next start leaves a child behind otherwise (TOOLCHAIN G14)
    });
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    stop = async () => {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    };
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited during start:\n${output}`);
      try {
        // Each probe has its own bound: one that reached a server still starting can otherwise wait forever.
        const probe = await fetch(`http://127.0.0.1:${appPort}/api/health`, { signal: AbortSignal.timeout(10_000) });
        if (probe.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`npm start did not become healthy in 240 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  afterAll(async () => {
    await stop();
    if (database) await dropThrowawayPostgres(database.name);
  });

  it('answers on 127.0.0.1 and says so', async () => {
    expect(await tryConnect('127.0.0.1', appPort)).toBe('connected');
    expect(await tryConnect('127.0.0.1', simPort)).toBe('connected');
    expect(output).toContain('Listening on:   127.0.0.1  (this machine only)');
  });

  it.skipIf(lanAddress === undefined)(
    `refuses connections on the machine's non-loopback address ${lanAddress ?? '(skipped: this machine has none)'}`,
    async () => {
      expect(await tryConnect(lanAddress!, appPort), `shop on ${lanAddress}:${appPort}`).not.toBe('connected');
      expect(await tryConnect(lanAddress!, simPort), `simulator on ${lanAddress}:${simPort}`).not.toBe('connected');
    },
  );
});
