import type { Db } from '../db/core';
import type { ModuleLogger } from '../log';
import type { VippsClient } from '../vipps/client';

/** Everything the orders module needs from outside, injected so tests can run it on PGlite and the simulator. */
export interface OrdersDeps {
  db: Db;
  vipps: VippsClient;
  /** The shop's public URL: base of Vipps' returnUrl. */
  publicBaseUrl: string;
  log: ModuleLogger;
}
