/**
 * Strict JSON text parsing for request bodies, pure (no HTTP). On top of `JSON.parse` it refuses, as a reason
 * string instead of a crash later on:
 * - nesting deeper than MAX_JSON_DEPTH: recursive code (idempotency fingerprints, zod) would otherwise overflow
 *   the stack on `[[[[…]]]]` and answer 500;
 * - numbers are read without a float in between: an integer beyond 2^53 stays a `LosslessNumber` holding its
 *   source digits (see epayment/numeric-text.ts), where `JSON.parse` turns 1234561795563665035 into
 *   1234561795563665200; every other number becomes a plain `number`, as before;
 * - strings with a lone UTF-16 surrogate (`"\ud800"`): they cannot be encoded as UTF-8 or put in a header, so a
 *   `returnUrl` holding one broke the redirect after the payment had already been authorized.
 */
import { isSafeNumber, LosslessNumber, parse } from 'lossless-json';

export const MAX_JSON_DEPTH = 64;

const parseNumber = (text: string): number | LosslessNumber =>
  isSafeNumber(text) ? Number(text) : new LosslessNumber(text);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** Deepest `[`/`{` nesting outside string literals; stops counting once past `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/** The first string (value or key) that is not well-formed UTF-16, or undefined. Depth is already bounded. */
function findIllFormedString(value: unknown): string | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = findIllFormedString(item);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const bad = isWellFormed(key) ? findIllFormedString(item) : key;
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

export function parseJsonText(text: string): JsonParseResult {
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, reason: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.` };
  }
  let value: unknown;
  try {
    // Duplicate keys: the last one wins, as with JSON.parse (lossless-json would throw by default).
    value = parse(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue });
  } catch {
    return { ok: false, reason: 'The request body is not valid JSON.' };
  }
  if (findIllFormedString(value) !== undefined) {
    return { ok: false, reason: 'The request body contains a string with a lone UTF-16 surrogate (invalid Unicode).' };
  }
  return { ok: true, value };
}
