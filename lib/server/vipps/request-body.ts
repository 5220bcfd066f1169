// Request bodies are checked before anything is sent: a body that cannot become the JSON Vipps expects is a
// bug in the caller, reported as a `VippsConfigError` (outcome `not-sent`), never a bare TypeError.
import { VippsConfigError, type VippsOperation } from './errors';
import type { Amount } from './types';

type Context = { operation: VippsOperation; reference?: string };

/** Every body Vipps takes is a JSON object (BRIEF §4, §8); `null`, arrays and primitives are refused. */
export function assertJsonObject(value: unknown, context: Context): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VippsConfigError('the request body must be a JSON object', context);
  }
}

/**
 * The JSON text of a request body. `JSON.stringify` throws a bare TypeError on a BigInt or a cycle, and
 * turns `undefined` or a function into no text at all, which would go out as a bodyless POST; a `toJSON`
 * can return anything. All of these are refused here instead.
 */
export function jsonObjectBody(value: unknown, context: Context): string {
  assertJsonObject(value, context);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new VippsConfigError('the request body cannot be serialised as JSON (a BigInt or a cycle?)', {
      ...context,
      cause,
    });
  }
  // `JSON.stringify`'s declared type hides that it returns undefined for some inputs.
  const serialised = text as string | undefined;
  if (serialised === undefined || !serialised.startsWith('{')) {
    throw new VippsConfigError('the request body must serialise to a JSON object', context);
  }
  return serialised;
}

/** Amounts are integer øre everywhere in this app; catch a float before Vipps does (4040 "Invalid amount"). */
export function assertAmount(amount: Amount, operation: VippsOperation, reference?: string): void {
  if (!amount || !Number.isSafeInteger(amount.value) || amount.value < 0) {
    const got = typeof amount?.value === 'number' ? String(amount.value) : `a ${typeof amount?.value}`;
    throw new VippsConfigError(`amount.value must be a non-negative integer in øre, got ${got}`, {
      operation,
      reference,
    });
  }
}
