// Orders tests run the real orders module on in-memory PGlite against a real simulator.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { seedCatalogue } from '@/lib/server/catalogue/products';
import type { DbHandle } from '@/lib/server/db/core';
import type { ModuleLogger } from '@/lib/server/log';
import type { OrdersDeps } from '@/lib/server/orders/deps';
import type { VippsClientConfig } from '@/lib/server/vipps/config';
import { openTestPglite } from '../pglite-image';
import { startHarness, type Harness } from '../support/vipps-harness';

export interface OrdersWorld {
  harness: Harness;
  handle: DbHandle;
  deps: (overrides?: Partial<VippsClientConfig>) => OrdersDeps;
  close(): Promise<void>;
}

const quiet: ModuleLogger = { info: () => {}, warn: () => {}, error: () => {} };

export async function startOrdersWorld(open: () => Promise<DbHandle> = openTestPglite): Promise<OrdersWorld> {
  const harness = await startHarness();
  const handle = await open();
  await seedCatalogue(handle.db);
  return {
    harness,
    handle,
    deps: (overrides = {}) => ({
      db: handle.db,
      vipps: harness.newClient(overrides),
      publicBaseUrl: 'http://localhost:3000',
      log: quiet,
    }),
    async close() {
      await handle.close();
      await harness.close();
    },
  };
}

export const newCheckoutKey = () => randomUUID();

/**
 * A client that gives up after about three attempts, so a test can end a call with "outcome unknown". Few
 * attempts matter: each one that reaches the simulator counts towards Vipps' 5 mutating calls a minute per
 * reference, which the simulator enforces like Vipps.
 */
export const IMPATIENT: Partial<VippsClientConfig> = {
  retryDeadlineMs: 700,
  requestTimeoutMs: 300,
  // Equal jitter: each wait is 250–500 ms, so at most three attempts fit in the 700 ms deadline.
  retryPolicy: { baseDelayMs: 500, maxDelayMs: 500 },
};

/** One world per test file, with the simulator reset before each test. */
export function setUpOrdersWorld(
  beforeEachTest?: (world: OrdersWorld) => Promise<unknown>,
  open?: () => Promise<DbHandle>,
): () => OrdersWorld {
  let world: OrdersWorld | undefined;
  beforeAll(async () => {
    world = await startOrdersWorld(open);
  });
  afterAll(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    await world!.harness.reset();
    await beforeEachTest?.(world!);
  });
  return () => world!;
}
