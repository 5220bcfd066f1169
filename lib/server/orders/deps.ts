import type { Db } from '../db/core';
import type { VippsClient } from '../vipps/client';

/** Where the orders module logs; pino's Logger fits, and tests pass a recorder. */
export interface OrdersLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Everything the orders module needs from outside, injected so tests can run it on PGlite and the simulator. */
export interface OrdersDeps {
  db: Db;
  vipps: VippsClient;
  /** The shop's public URL: base of Vipps' returnUrl. */
  publicBaseUrl: string;
  log: OrdersLogger;
}
