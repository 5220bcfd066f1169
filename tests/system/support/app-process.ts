// A real `next start` of the shop as a child process (needs a prior `next build`), for tests that must cross
// process boundaries: two instances on one PostgreSQL, an app restart in the middle of a soak.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A bound, not a goal: beside Playwright and vitest on two cores one `next start` has taken over 3 minutes. */
const START_PATIENCE_MS = 240_000;

export interface AppProcess {
  url: string;
  port: number;
  pid: number;
  /** Everything the process printed, for a failing test's message and the secrets scan. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function assertBuilt() {
  if (!existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('These tests run `next start`: build first (`npx next build`; npm test does it before them).');
  }
}

/** Starts the shop and resolves once `/api/health` answers 200. */
export async function startApp(opts: { port?: number; env: Record<string, string> }): Promise<AppProcess> {
  assertBuilt();
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PUBLIC_BASE_URL: url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: 'test-only-not-a-real-secret',
        LOG_LEVEL: 'warn',
        // Every request of these tests comes from 127.0.0.1: the soak and the bench start hundreds of checkouts a
        // minute. A test of the limit itself sets its own (tests/system/sessions-and-limits.test.ts).
        CHECKOUT_RATE_LIMIT_PER_MINUTE: '100000',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // Generous: on a loaded 2-core machine a first start (PGlite's initdb, the route bundles) has taken minutes.
  const deadline = Date.now() + START_PATIENCE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start:\n${output}`);
    try {
      // A probe that reached a server still starting can wait on it indefinitely: each one gets its own bound.
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not become healthy in ${START_PATIENCE_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
