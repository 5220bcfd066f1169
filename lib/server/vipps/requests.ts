// One pure builder per Vipps operation: method, path, body and the response contract. Nothing here does
// I/O, so paths, encoding and validation are unit-tested without a network.
import type { z } from 'zod';
import { VippsConfigError, type VippsOperation } from './errors';
import { assertIdempotencyKey } from './headers';
import { assertAmount, assertJsonObject, jsonObjectBody } from './request-body';
import {
  createPaymentResponseSchema,
  getPaymentResponseSchema,
  modificationResponseSchema,
  paymentEventsSchema,
  registerWebhookResponseSchema,
  tokenResponseSchema,
  userinfoResponseSchema,
  webhookQueryResponseSchema,
} from './response-schemas';
import { eventsForReference, paymentReplyChecks, sameReference, type ResponseCheck } from './response-checks';
import type { RetryMode } from './retry-policy';
import type { Amount, CreatePaymentRequest, ForceApproveRequest, RegisterWebhookRequest } from './types';

interface JsonContract<T> {
  kind: 'json';
  schema: z.ZodType<T>;
  /**
   * Runs on the parsed body: consistency a schema cannot express (response-checks.ts). Method syntax on
   * purpose, so a spec with a specific check still satisfies `VippsRequestSpec<unknown>`.
   */
  check?(data: T): string[];
}

export type ResponseContract<T> = JsonContract<T> | { kind: 'empty' };

export interface VippsRequestSpec<T> {
  operation: VippsOperation;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, with every dynamic segment already URL-encoded. */
  path: string;
  /** For errors and logs: the payment reference or webhook id. */
  reference?: string;
  /**
   * The path as logs and the API log may show it, when `path` itself holds something that must stay out of them
   * (the userinfo `sub`, ADR 0026). Defaults to `path`.
   */
  loggedPath?: string;
  idempotencyKey?: string;
  /** JSON text, serialised once so every retry sends the very same bytes (BRIEF §3: 409 on a different body). */
  bodyText?: string;
  retryMode: RetryMode;
  response: ResponseContract<T>;
}

const EPAYMENT = '/epayment/v1';
const WEBHOOKS = '/webhooks/v1/webhooks';
const USERINFO = '/vipps-userinfo-api/userinfo';

export interface IdempotencyOptions {
  /** Required on create, capture, refund and cancel; 1–50 characters; reuse it on every retry. */
  idempotencyKey: string;
}

/** `POST /accesstoken/get`: no body, credentials in headers (BRIEF §2). Safe to resend. */
export function tokenRequest() {
  return {
    operation: 'token',
    method: 'POST',
    path: '/accesstoken/get',
    retryMode: 'idempotent',
    response: json(tokenResponseSchema),
  } satisfies VippsRequestSpec<unknown>;
}

const json = <T>(schema: z.ZodType<T>, check?: ResponseCheck<T>): ResponseContract<T> => ({
  kind: 'json',
  schema,
  check,
});
const empty: ResponseContract<void> = { kind: 'empty' };

/**
 * One URL path segment. `encodeURIComponent` leaves `.` alone, and the URL parser resolves a `.`/`..` segment
 * (`/payments/../capture` becomes `/epayment/v1/capture`), so those are refused rather than sent elsewhere.
 */
function pathSegment(operation: VippsOperation, value: string, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value === '.' || value === '..') {
    throw new VippsConfigError(`a ${what} is required (not empty, '.' or '..')`, { operation });
  }
  return encodeURIComponent(value);
}

/** References are URL-encoded, never trusted to match the spec pattern: Vipps validates them (BRIEF §4). */
function encodedReference(operation: VippsOperation, reference: string): string {
  return pathSegment(operation, reference, 'payment reference');
}

function paymentPath(operation: VippsOperation, reference: string, suffix = ''): string {
  return `${EPAYMENT}/payments/${encodedReference(operation, reference)}${suffix}`;
}

export function createPaymentRequest(body: CreatePaymentRequest, options: IdempotencyOptions) {
  const operation = 'createPayment';
  // Checked first: every later line reads fields of the body.
  const bodyText = jsonObjectBody(body, { operation });
  assertIdempotencyKey(options?.idempotencyKey, { operation, reference: body.reference });
  assertAmount(body.amount, operation, body.reference);
  return {
    operation,
    method: 'POST',
    path: `${EPAYMENT}/payments`,
    reference: body.reference,
    idempotencyKey: options.idempotencyKey,
    bodyText,
    retryMode: 'idempotent',
    // 201 per spec; any 2xx with this body, for this reference, is accepted.
    response: json(createPaymentResponseSchema, sameReference(body.reference)),
  } satisfies VippsRequestSpec<unknown>;
}

export function getPaymentRequest(reference: string) {
  return {
    operation: 'getPayment',
    method: 'GET',
    path: paymentPath('getPayment', reference),
    reference,
    retryMode: 'idempotent',
    response: json(getPaymentResponseSchema, paymentReplyChecks(reference)),
  } satisfies VippsRequestSpec<unknown>;
}

export function getPaymentEventsRequest(reference: string) {
  return {
    operation: 'getPaymentEvents',
    method: 'GET',
    path: paymentPath('getPaymentEvents', reference, '/events'),
    reference,
    retryMode: 'idempotent',
    response: json(paymentEventsSchema, eventsForReference(reference)),
  } satisfies VippsRequestSpec<unknown>;
}

function modificationRequest(
  operation: 'capturePayment' | 'refundPayment',
  suffix: '/capture' | '/refund',
  reference: string,
  amount: Amount,
  options: IdempotencyOptions,
) {
  assertIdempotencyKey(options?.idempotencyKey, { operation, reference });
  assertAmount(amount, operation, reference);
  return {
    operation,
    method: 'POST',
    path: paymentPath(operation, reference, suffix),
    reference,
    idempotencyKey: options.idempotencyKey,
    // Only the two spec fields, in a fixed order: identical retries need identical bytes (4010, BRIEF §3).
    bodyText: jsonObjectBody(
      { modificationAmount: { currency: amount.currency, value: amount.value } },
      { operation, reference },
    ),
    retryMode: 'idempotent',
    response: json(modificationResponseSchema, paymentReplyChecks(reference)),
  } satisfies VippsRequestSpec<unknown>;
}

export const capturePaymentRequest = (reference: string, amount: Amount, options: IdempotencyOptions) =>
  modificationRequest('capturePayment', '/capture', reference, amount, options);

export const refundPaymentRequest = (reference: string, amount: Amount, options: IdempotencyOptions) =>
  modificationRequest('refundPayment', '/refund', reference, amount, options);

export interface CancelOptions extends IdempotencyOptions {
  /** Cancel only if not yet authorized; on an authorized payment Vipps answers 6060 (BRIEF §5, [newer]). */
  cancelTransactionOnly?: boolean;
}

export function cancelPaymentRequest(reference: string, options: CancelOptions) {
  const operation = 'cancelPayment';
  assertIdempotencyKey(options?.idempotencyKey, { operation, reference });
  return {
    operation,
    method: 'POST',
    path: paymentPath(operation, reference, '/cancel'),
    reference,
    idempotencyKey: options.idempotencyKey,
    // v1.4.1 has no body; newer versions accept `{cancelTransactionOnly}` (BRIEF §4). Send it only when asked.
    bodyText:
      options.cancelTransactionOnly === undefined
        ? undefined
        : jsonObjectBody({ cancelTransactionOnly: options.cancelTransactionOnly }, { operation, reference }),
    retryMode: 'idempotent',
    response: json(modificationResponseSchema, paymentReplyChecks(reference)),
  } satisfies VippsRequestSpec<unknown>;
}

/** Test environments only (BRIEF §9). Approving twice is harmless (6230 "already reserved"), so it retries. */
export function forceApproveRequest(reference: string, body: ForceApproveRequest) {
  return {
    operation: 'forceApprove',
    method: 'POST',
    path: `${EPAYMENT}/test/payments/${encodedReference('forceApprove', reference)}/approve`,
    reference,
    bodyText: jsonObjectBody(body, { operation: 'forceApprove', reference }),
    retryMode: 'idempotent',
    response: empty,
  } satisfies VippsRequestSpec<void>;
}

/** No Idempotency-Key exists for registration, so only provably-unprocessed answers are retried. */
export function registerWebhookRequest(body: RegisterWebhookRequest) {
  const operation = 'registerWebhook';
  assertJsonObject(body, { operation });
  return {
    operation,
    method: 'POST',
    path: WEBHOOKS,
    bodyText: jsonObjectBody({ url: body.url, events: body.events }, { operation }),
    retryMode: 'only-if-unprocessed',
    response: json(registerWebhookResponseSchema),
  } satisfies VippsRequestSpec<unknown>;
}

export function listWebhooksRequest() {
  return {
    operation: 'listWebhooks',
    method: 'GET',
    path: WEBHOOKS,
    retryMode: 'idempotent',
    response: json(webhookQueryResponseSchema),
  } satisfies VippsRequestSpec<unknown>;
}

export function deleteWebhookRequest(id: string) {
  return {
    operation: 'deleteWebhook',
    method: 'DELETE',
    path: `${WEBHOOKS}/${pathSegment('deleteWebhook', id, 'webhook id')}`,
    reference: id,
    retryMode: 'idempotent',
    response: empty,
  } satisfies VippsRequestSpec<void>;
}

/** What the logs show instead of a `sub`: it is pseudonymous, but it links one shopper across orders (ADR 0026). */
export const LOGGED_SUB = '{sub}';

/**
 * `GET /vipps-userinfo-api/userinfo/{sub}` (Userinfo API 2.0.2): the claims the shopper consented to share, with the
 * same access token and headers as the ePayment calls. A read, so it is retried like one. `reference` is the payment
 * the `sub` came from, for errors and the API log only.
 */
export function getUserinfoRequest(sub: string, reference?: string) {
  const operation = 'getUserinfo';
  return {
    operation,
    method: 'GET',
    path: `${USERINFO}/${pathSegment(operation, sub, 'profile sub')}`,
    loggedPath: `${USERINFO}/${LOGGED_SUB}`,
    reference,
    retryMode: 'idempotent',
    response: json(userinfoResponseSchema, (info) => (info.sub === sub ? [] : ['sub is not the one asked for'])),
  } satisfies VippsRequestSpec<unknown>;
}
