/**
 * Request validation the way Vipps answers it (BRIEF §4.1, §7): zod checks the shape, then each failure is
 * mapped to the Vipps error code for that field (4040 amount, 4070 phone, 4090 URL, …). Failures without a
 * code become a schema-validation 400 that names each field. Cross-field rules follow in the order below.
 */
import type { z } from 'zod';
import { ProblemError } from '../http/problem';
import { fieldEntries, parseOrProblem, preview } from '../http/zod-problem';
import type { ErrorCode } from './error-codes';
import { normalizeProfileScope } from './profile-scope';
import { createPaymentSchema, referencePattern, type CreatePaymentInput } from './request-schemas';

/** Field paths whose failures carry a Vipps error code (BRIEF §7). */
const CODE_BY_FIELD: [RegExp, ErrorCode][] = [
  [/^(amount|modificationAmount)\.value$/, '4040'],
  [/^customer\.phoneNumber$/, '4070'],
  [/^customer\.personalQr$/, '4060'],
  [/^customer\.customerToken$/, '4050'],
  [/^(returnUrl|receiptUrl)$/, '4090'],
  [/^profile\.scope$/, '4080'],
  [/^paymentMethod\.type$/, '4160'],
];

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Turns zod issues into the Problem Vipps would send: the first coded field wins, else all fields are listed. */
export function problemFromIssues(issues: z.core.$ZodIssue[]): ProblemError {
  for (const issue of issues) {
    const path = issue.path.join('.');
    const match = CODE_BY_FIELD.find(([pattern]) => pattern.test(path));
    if (match) return ProblemError.coded(400, match[1], `The field ${preview(path)} is invalid: ${issue.message}`);
  }
  return ProblemError.validation(fieldEntries(issues));
}

/** Parses an ePayment request body: coded fields get their Vipps error code, the rest a field list. */
export function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T {
  return parseOrProblem(schema, raw, problemFromIssues);
}

/**
 * `returnUrl`/`receiptUrl`: "must use the `https://` scheme or a custom URL scheme" (spec). Simulator convenience:
 * plain `http://` is also accepted for localhost and 127.0.0.1, since shops under development run on http.
 */
export function isAcceptableReturnUrl(value: string): boolean {
  // `new URL` silently strips tabs and line breaks (and encodes spaces), so check the raw string: a CR/LF would
  // otherwise reach the landing page's Location header and break the redirect after the payment was authorized.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol === 'http:') return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return !['javascript:', 'data:', 'file:', 'vbscript:', 'ftp:', 'blob:'].includes(url.protocol);
}

export function checkReferenceParam(reference: string, maxReferenceLength: number): void {
  const pattern = referencePattern(maxReferenceLength);
  if (!pattern.test(reference)) {
    throw ProblemError.validation([
      {
        name: 'reference',
        reason: `The field reference must match the regular expression '${pattern.source}'.`,
      },
    ]);
  }
}

function checkAmountMinimum(input: CreatePaymentInput): void {
  // BRIEF §4.1: minimum NOK 100 øre, DKK 1 øre, EUR 1 cent.
  const minimum = input.amount.currency === 'NOK' ? 100 : 1;
  if (input.amount.value < minimum) {
    throw ProblemError.coded(
      400,
      '6010',
      `The minimum amount is ${minimum} (minor units of ${input.amount.currency}).`,
    );
  }
}

function checkFlowRules(input: CreatePaymentInput): void {
  if (input.paymentMethod.type === 'CARD' && input.userFlow !== 'WEB_REDIRECT') {
    throw ProblemError.coded(400, '4160', 'paymentMethod CARD can only be combined with userFlow WEB_REDIRECT.');
  }
  if (input.userFlow === 'WEB_REDIRECT' && !input.returnUrl) {
    throw ProblemError.coded(400, '4140', 'returnUrl is required when userFlow is WEB_REDIRECT.');
  }
  for (const field of ['returnUrl', 'receiptUrl'] as const) {
    const value = input[field];
    if (value && !isAcceptableReturnUrl(value)) {
      throw ProblemError.coded(
        400,
        '4090',
        `The field ${field} must use https:// or a custom URL scheme: ${preview(value)}`,
      );
    }
  }
  if (input.userFlow === 'PUSH_MESSAGE' && !input.customer) {
    throw ProblemError.coded(400, '4140', 'customer is required when userFlow is PUSH_MESSAGE.');
  }
  if (input.customer) {
    const given = Object.values(input.customer).filter((value) => value !== undefined).length;
    if (given !== 1) {
      throw ProblemError.validation([
        { name: 'customer', reason: 'Specify exactly one of phoneNumber, personalQr or customerToken.' },
      ]);
    }
  }
}

function checkMetadataAndScope(input: CreatePaymentInput): void {
  const entries = Object.entries(input.metadata ?? {});
  if (entries.length > 5) throw ProblemError.coded(400, '4100', 'metadata can hold at most 5 key-value pairs.');
  for (const [key, value] of entries) {
    if (key.length > 100)
      throw ProblemError.coded(400, '4120', `metadata key '${preview(key, 20)}' is longer than 100 characters.`);
    if (value.length > 500)
      throw ProblemError.coded(400, '4130', `metadata value of '${preview(key, 40)}' is longer than 500 characters.`);
  }
  // Kept normalised on the payment ("openid" first, each word once): what the consent card and userinfo read.
  if (input.profile?.scope !== undefined) input.profile.scope = normalizeProfileScope(input.profile.scope);
}

/** Long-living payments (BRIEF §4.1): only PUSH_MESSAGE or QR, need a receipt, 10 min < expiresAt − now < 28 days. */
function checkExpiresAt(input: CreatePaymentInput, nowMs: number): void {
  if (!input.expiresAt) return;
  if (input.userFlow !== 'PUSH_MESSAGE' && input.userFlow !== 'QR') {
    throw new ProblemError(400, 'ExpiresAt not allowed', `Cannot set ExpiresAt for flow ${input.userFlow}.`, [
      { name: 'expiresAt', reason: 'Only allowed with userFlow PUSH_MESSAGE or QR.' },
    ]);
  }
  if (!input.receipt) throw ProblemError.coded(400, '6130', 'expiresAt requires receipt to be set.');
  const ahead = Date.parse(input.expiresAt) - nowMs;
  if (ahead <= 10 * MINUTE_MS) throw ProblemError.coded(400, '6120', 'expiresAt must be more than 10 minutes ahead.');
  if (ahead >= 28 * DAY_MS) throw ProblemError.coded(400, '6110', 'expiresAt must be less than 28 days ahead.');
}

export function parseCreatePayment(raw: unknown, nowMs: number, maxReferenceLength: number): CreatePaymentInput {
  const input = parseWith(createPaymentSchema(maxReferenceLength), raw);
  checkAmountMinimum(input);
  checkFlowRules(input);
  checkMetadataAndScope(input);
  checkExpiresAt(input, nowMs);
  return input;
}
