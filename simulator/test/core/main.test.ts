// `npm run simulator` as its own process: the start line says where it listens, and never prints secrets.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/vipps-simulator.mjs', import.meta.url));

describe('simulator process', () => {
  it.each([
    ['npm run simulator (tsx src/main.ts)', TSX, [MAIN]],
    ['the package bin (npx vipps-simulator)', process.execPath, [BIN]],
  ])('%s prints its URL and MSNs at start, not the subscription key or secret', async (_how, command, args) => {
    const child = spawn(command, args, { env: { ...process.env, SIM_PORT: '0', SIM_LOG_LEVEL: 'warn' } });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      while (!output.includes('\n')) {
        const [chunk] = (await once(child.stdout, 'data')) as [string];
        output += chunk;
      }
      expect(output).toMatch(/^Vipps simulator listening on http:\/\/127\.0\.0\.1:\d+ .*MSN 123456/);
      expect(output).not.toContain(SIMULATOR_CREDENTIALS.subscriptionKey);
      expect(output).not.toContain(SIMULATOR_CREDENTIALS.clientSecret);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0); // SIGTERM is a clean stop (the bin passes it on and returns the child's code)
    }
  });
});
