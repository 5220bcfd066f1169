#!/usr/bin/env node
// `npx vipps-simulator`: the Vipps MobilePay simulator as its own process, configured by SIM_* variables
// (see the package README). The package ships its TypeScript source, so this registers tsx's loader and runs
// src/main.ts in this same process — the `node --import tsx` that `npm run simulator` uses. One process, no
// wrapper: a wrapper that relays signals to a child (tsx's own CLI waits only 30 ms for the child to confirm,
// then SIGKILLs it and exits 143) turns a clean SIGTERM stop into a crash on a busy machine.
import 'tsx';

await import(new URL('../src/main.ts', import.meta.url).href);
