/**
 * Idempotency as BRIEF §3 pieces it together: keys are scoped per (MSN, operation, reference); the same key with
 * the same body replays the first answer (status and body, 4xx included); the same key with a different body is
 * a 409 with the operation's code (4010 capture, 4150 refund, 4020 otherwise).
 */
import { createHash } from 'node:crypto';
import { trimOldest } from '../bounded';
import { ProblemError, type SimResponse } from '../http/problem';
import type { ErrorCode } from './error-codes';

export type IdempotentOperation = 'create' | 'capture' | 'refund' | 'cancel';

const CONFLICT_CODE: Record<IdempotentOperation, ErrorCode> = {
  create: '4020',
  capture: '4010',
  refund: '4150',
  cancel: '4020',
};

interface Recorded {
  fingerprint: string;
  response: SimResponse;
}

/** Answers a client must retry with the same key are not remembered: 423 Locked, 429, and 5xx (BRIEF §3). */
const isRetryable = (status: number) => status === 423 || status === 429 || status >= 500;

/**
 * SHA-256 of the canonical JSON (sorted keys), so `{"a":1,"b":2}` and `{"b":2,"a":1}` count as the same body.
 * Only the hash is kept, never the body (measured: 20 large bad requests used to pin 240 MB). The recursion
 * is safe because the JSON reader refuses nesting deeper than 64 levels.
 */
export function fingerprintOf(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/** Keys are remembered oldest-first up to `capacity` (Vipps does not document how long it keeps them, BRIEF §12). */
export class IdempotencyStore {
  private readonly records = new Map<string, Recorded>();

  constructor(private readonly capacity: number = Number.POSITIVE_INFINITY) {}

  get size(): number {
    return this.records.size;
  }

  /**
   * Runs `execute` once per key. It must not await between its checks and its state change, so a concurrent
   * retry always either finds the record or runs after the first one finished.
   */
  run(
    scope: { msn: string; operation: IdempotentOperation; reference: string },
    key: string,
    fingerprint: string,
    instance: string,
    execute: () => SimResponse,
  ): SimResponse {
    const recordKey = `${scope.msn}|${scope.operation}|${scope.reference}|${key}`;
    const previous = this.records.get(recordKey);
    if (previous) {
      if (previous.fingerprint === fingerprint) return previous.response;
      return ProblemError.coded(
        409,
        CONFLICT_CODE[scope.operation],
        `Idempotency-Key ${key} was already used with a different request body. Retries must send the identical request.`,
      ).toResponse(instance);
    }
    const response = execute();
    if (!isRetryable(response.status)) {
      this.records.set(recordKey, { fingerprint, response });
      trimOldest(this.records, this.capacity);
    }
    return response;
  }

  clear(): void {
    this.records.clear();
  }
}
