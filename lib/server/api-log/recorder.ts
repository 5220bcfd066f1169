// Writes the API log off the Vipps call's path: `record` only queues (bounded), a single writer redacts and
// inserts in batches, and a failed write is logged and dropped. So the log can never slow down or fail a
// payment; the price is that rows can be lost (a crash, a full queue, a DB outage), which the pino line per
// attempt (ADR 0005) still covers.
import type { Db } from '../db/core';
import { vippsApiLog } from '../db/schema';
import type { ModuleLogger } from '../log';
import type { VippsExchange } from '../vipps/exchange';
import { redactExchange } from './redact';

export interface ApiLogRecorder {
  /** For `onExchange`: never throws, never waits. */
  record(exchange: VippsExchange): void;
  /** Resolves once everything queued so far is written (or given up on). Tests and shutdown await it. */
  flush(): Promise<void>;
}

export interface RecorderOptions {
  /** The database, or how to reach it (the app's DB opens lazily). */
  db: Db | (() => Promise<Db>);
  log: Pick<ModuleLogger, 'warn'>;
  /** Configured secrets (client id and secret, subscription key) that must never be written. */
  secrets: readonly string[];
  /** Exchanges waiting beyond this are dropped (and counted): a DB outage must not grow memory. */
  maxQueue?: number;
  batchSize?: number;
}

/** Tokens and webhook secrets seen in answers, remembered so an echo of one elsewhere is redacted too. */
const MAX_LEARNED_SECRETS = 20;
/** How long the writer lets exchanges gather before writing them. */
const WRITE_DELAY_MS = 20;

export function createApiLogRecorder(options: RecorderOptions): ApiLogRecorder {
  const maxQueue = options.maxQueue ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const queue: VippsExchange[] = [];
  const learned: string[] = [];
  let dropped = 0;
  let writing: Promise<void> | undefined;

  const database = async () => (typeof options.db === 'function' ? options.db() : options.db);

  function learn(exchange: VippsExchange) {
    if (exchange.operation !== 'token' && exchange.operation !== 'registerWebhook') return;
    try {
      const body = JSON.parse(exchange.responseBody ?? '') as { access_token?: unknown; secret?: unknown };
      for (const value of [body.access_token, body.secret]) {
        if (typeof value === 'string' && !learned.includes(value)) learned.push(value);
      }
      learned.splice(0, Math.max(0, learned.length - MAX_LEARNED_SECRETS));
    } catch {
      // Not JSON: nothing to learn; the text scrubs still apply.
    }
  }

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.splice(0, batchSize);
      try {
        const secrets = [...options.secrets, ...learned];
        const rows = batch.map((exchange) => redactExchange(exchange, { secrets }));
        await (await database()).insert(vippsApiLog).values(rows);
      } catch (error) {
        options.log.warn({ err: error, lost: batch.length }, 'could not write the Vipps API log; rows dropped');
      }
    }
    if (dropped > 0) {
      options.log.warn({ lost: dropped }, 'Vipps API log queue was full; rows dropped');
      dropped = 0;
    }
  }

  function startWriter() {
    writing ??= (async () => {
      // Wait a moment first: a burst of attempts lands in one batch, and the redaction and INSERT run after the
      // request that made the call has written its outcome and answered, not in the middle of it (the checkout
      // figure of `npm run bench`). `flush` still waits for the write.
      await new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS));
      await drain();
    })().finally(() => {
      writing = undefined;
      if (queue.length > 0) startWriter();
    });
  }

  return {
    record(exchange) {
      // Learned before queueing: the next exchange may echo this token before the batch is written.
      learn(exchange);
      if (queue.length >= maxQueue) {
        dropped++;
        return;
      }
      queue.push(exchange);
      startWriter();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}
