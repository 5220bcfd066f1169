#!/usr/bin/env node
// `npx vipps-simulator`: the Vipps MobilePay simulator as its own process, configured by SIM_* variables
// (see the package README). The package ships its TypeScript source, so this runs it with tsx, exactly as
// `npm run simulator` does; signals are passed on and the exit code comes back.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const child = spawn(process.execPath, [tsxCli, main], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
