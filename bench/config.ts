// `npm run bench` options and the sizes of each step (`--quick` for a run of about a minute).
import { parseArgs } from 'node:util';

export const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
});
export const QUICK = args.quick;
export const DB = args.db === 'pglite' ? 'pglite' : 'postgres';
export const LOAD_SECONDS = QUICK ? 2 : 3;
export const LOAD_ROUNDS = QUICK ? 2 : 8;
export const POLL_SECONDS = QUICK ? 4 : 10;
export const CHECKOUT_SAMPLES = QUICK ? 10 : 60;
/** Connection counts below the target's 100, one load each after the rounds (notes only, no target). */
export const SWEEP_CONNECTIONS = QUICK ? [5] : [1, 5, 20, 50];
// Until the JIT has compiled the checkout path: after only 5 warm-ups, the first 60 checkouts had a p50 2–4 ms above
// the next 120 (3 rounds of 60, 2026-12-03), so 5 measured the cold path, not the route.
export const CHECKOUT_WARMUP = QUICK ? 5 : 30;
export const BROWSER_SAMPLES = QUICK ? 3 : 20;
export const SHOP_PAGES = ['/', '/products/[sku]', '/cart', '/checkout', '/return', '/login'];
export const CART = [{ sku: 'fjord-mug', quantity: 1 }];
