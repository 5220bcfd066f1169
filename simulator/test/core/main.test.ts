// `npm run simulator` and the package bin as their own processes: the start line says where it listens and never
// prints secrets, and SIGTERM is a clean stop (exit 0) — also when it arrives during start-up or right after the
// start line, the moments a supervisor (or this test on a busy machine) is most likely to send it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/vipps-simulator.mjs', import.meta.url));
const SIGTERM_SELF = fileURLToPath(new URL('../support/sigterm-self.mjs', import.meta.url));

// Run exactly what `npm run simulator` runs (without npm in between), so the test follows the script.
const npmScript = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
  .scripts.simulator;
const [npmCommand = '', ...npmArgs] = npmScript?.split(' ') ?? [];

const HOW: [string, string[]][] = [
  [`npm run simulator (${npmScript})`, npmArgs],
  ['the package bin (npx vipps-simulator)', [BIN]],
];

function startSimulator(args: string[], env: Record<string, string> = {}) {
  const command = args === npmArgs ? npmCommand.replace(/^node$/, process.execPath) : process.execPath;
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, SIM_PORT: '0', SIM_LOG_LEVEL: 'warn', ...env },
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => output.includes('\n') && resolve(output.slice(0, output.indexOf('\n'))));
    void exited.then(() => reject(new Error(`exited before its start line; output: ${output}`)));
  });
  return { child, exited, firstLine };
}

// Each test starts a Node process that compiles the simulator with tsx: about 1 s alone, 12–15 s on a 2-core
// machine at load average 20. The bound is for a hung process, not a slow one.
describe('simulator process', { timeout: 120_000 }, () => {
  it('npm run simulator runs the simulator in one process (node --import tsx, not the tsx CLI wrapper)', () => {
    // The tsx CLI relays a SIGTERM to its child and SIGKILLs it (exit 143) if the child has not confirmed within
    // 30 ms, which a busy machine misses.
    expect(npmCommand).toBe('node');
    expect(npmArgs).toEqual(['--import', 'tsx', 'simulator/src/main.ts']);
  });

  it.each(HOW)('%s prints its URL and MSNs at start, not the subscription key or secret', async (_how, args) => {
    const sim = startSimulator(args);
    try {
      const line = await sim.firstLine;
      expect(line).toMatch(/^Vipps simulator listening on http:\/\/127\.0\.0\.1:\d+ .*MSN 123456/);
      expect(line).not.toContain(SIMULATOR_CREDENTIALS.subscriptionKey);
      expect(line).not.toContain(SIMULATOR_CREDENTIALS.clientSecret);
    } finally {
      sim.child.kill('SIGTERM');
      expect(await sim.exited).toEqual([0, null]);
    }
  });

  it.each(HOW)('%s stops with exit 0 on a SIGTERM right after its start line', async (_how, args) => {
    const sim = startSimulator(['--import', SIGTERM_SELF, ...args], { SIGTERM_SELF_AT: 'first-output' });
    expect(await sim.exited).toEqual([0, null]);
  });

  it.each(HOW)('%s stops with exit 0 on a SIGTERM while it is still starting', async (_how, args) => {
    const sim = startSimulator(['--import', SIGTERM_SELF, ...args], { SIGTERM_SELF_AT: 'listen' });
    expect(await sim.exited).toEqual([0, null]);
  });
});
