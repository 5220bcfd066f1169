// Turns what the Vipps client saw (a `VippsExchange`) into an API log row that is safe to keep and to show
// staff: no secret or token, personal data masked, bodies bounded. Pure and total: any body shape, any text.
import type { ApiLogEntry } from '@/lib/admin-observability-api';
import { toStorableText } from '@/lib/storable-text';
import type { VippsExchange } from '../vipps/exchange';
import {
  REDACTED,
  cutTo,
  looksLikeEmail,
  looksLikePhone,
  maskEmail,
  maskName,
  maskPhone,
  removeKnownSecrets,
  scrubText,
} from './mask';

/** Bodies are a few hundred bytes; 16 kB keeps a whole payment with its receipt and bounds the table. */
export const MAX_LOGGED_BODY_CHARS = 16 * 1024;

/** Keys compared without case, `_` or `-`, and without a plural `s`: `access_token`, `accessTokens`… */
const normalise = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/s$/, '');
const keySet = (keys: string) => new Set(keys.trim().split(/\s+/).map(normalise));

/** Never stored, whatever they hold (the token response, the webhook registration's `secret`, ForceApprove). */
const SECRET_KEYS = keySet(`access_token refresh_token id_token token secret client_secret client_id authorization
  password subscription_key ocp-apim-subscription-key api_key`);
const PHONE_KEYS = keySet('phoneNumber phone msisdn mobileNumber mobile telephone');
/** Objects about a person (userinfo, shipping, the customer): every value inside is masked. */
const PERSONAL_CONTAINERS = keySet(`userDetails userInfo profile customer shippingDetails billingDetails address
  other_addresses`);
/**
 * Userinfo claims (OIDC names: `given_name`, `postal_code`…) and their ePayment spellings. `sub` too: it is
 * pseudonymous, but stable per shopper and sales unit, so it would link one person's orders (ADR 0026). `name`
 * is not here: it is also a product's or an event's name; a userinfo body is masked whole (see below).
 */
const PERSONAL_KEYS = keySet(`email firstName lastName fullName givenName familyName streetAddress addressLine1
  addressLine2 postalCode postCode city formatted birthDate dateOfBirth nin ssn sub`);
/** Ids, amounts and timestamps whose digits are not phone numbers. */
const DIGIT_KEYS = keySet(`reference pspReference idempotencyKey timestamp msn merchantSerialNumber expires_in
  ext_expires_in expires_on not_before traceId trace_id id time expiresAt createdAt value amount status statusCode`);

/** A JSON number with the digits of a phone number (8–15), outside the id and amount keys, is masked too. */
const phoneLikeNumber = (value: number) => Number.isInteger(value) && Math.abs(value) >= 1e7 && Math.abs(value) < 1e15;

function maskPersonal(value: string): string {
  if (looksLikeEmail(value)) return maskEmail(value);
  if (looksLikePhone(value)) return maskPhone(value);
  return maskName(value);
}

function redactValue(value: unknown, key: string, personal: boolean): unknown {
  const k = normalise(key);
  if (SECRET_KEYS.has(k)) return REDACTED;
  const phone = PHONE_KEYS.has(k);
  const inPerson = personal || PERSONAL_CONTAINERS.has(k) || PERSONAL_KEYS.has(k);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, key, inPerson));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([childKey, child]) => [
        childKey,
        redactValue(child, childKey, inPerson || phone),
      ]),
    );
  }
  if (typeof value === 'string') {
    if (phone) return maskPhone(value);
    if (inPerson) return maskPersonal(value);
    return scrubText(value, { keepDigits: DIGIT_KEYS.has(k) });
  }
  if (typeof value === 'number' && (phone || inPerson || (phoneLikeNumber(value) && !DIGIT_KEYS.has(k)))) {
    return maskPhone(value);
  }
  return value;
}

export interface RedactOptions {
  /** Values that must never appear, wherever they are: the configured keys and the tokens seen so far. */
  secrets?: readonly string[];
  maxChars?: number;
  /** The whole body is about a person (a userinfo answer): every value in it is masked, whatever its key. */
  personal?: boolean;
}

/** A body as stored: JSON redacted by key and value, anything else scrubbed as text; then bounded. */
export function redactBodyText(text: string | undefined, options: RedactOptions = {}): string | null {
  if (text === undefined || text === '') return null;
  const parsed = parseJson(text);
  const redacted =
    parsed === undefined ? scrubText(text) : JSON.stringify(redactValue(parsed, '', options.personal ?? false));
  // A body that is not JSON may hold a raw NUL or a lone surrogate, which no text column can store.
  const storable = toStorableText(redacted);
  return cutTo(removeKnownSecrets(storable, options.secrets ?? []), options.maxChars ?? MAX_LOGGED_BODY_CHARS);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const PAYMENT_PATH = /^\/epayment\/v1\/(?:test\/)?payments\/([^/?]+)/;
/** The Userinfo API answers with nothing but claims about the shopper (profile sharing, ADR 0026). */
const USERINFO_PATH = /^\/vipps-userinfo-api\//;

/** The payment the exchange is about: from the path, or the create body's `reference` (the token call has none). */
export function paymentReferenceOf(exchange: Pick<VippsExchange, 'path' | 'requestBody'>): string | null {
  const match = PAYMENT_PATH.exec(exchange.path);
  if (match) {
    try {
      return decodeURIComponent(match[1]!);
    } catch {
      return match[1]!;
    }
  }
  if (exchange.path.startsWith('/epayment/v1/payments')) {
    const body = parseJson(exchange.requestBody ?? '');
    const reference = (body as { reference?: unknown } | undefined)?.reference;
    if (typeof reference === 'string') return reference;
  }
  return null;
}

function pspReferenceOf(responseBody: string | undefined): string | null {
  const body = parseJson(responseBody ?? '');
  const psp = (body as { pspReference?: unknown } | undefined)?.pspReference;
  return typeof psp === 'string' ? psp.slice(0, 100) : null;
}

/** The values of one `vipps_api_log` row (without id): what the staff pages show, with the time as a Date. */
export type ApiLogRowValues = Omit<ApiLogEntry, 'id' | 'at'> & { at: Date };

export function redactExchange(exchange: VippsExchange, options: RedactOptions = {}): ApiLogRowValues {
  const secrets = options.secrets ?? [];
  const clean = (text: string, max: number) => cutTo(removeKnownSecrets(scrubText(text), secrets), max);
  const userinfo = USERINFO_PATH.test(exchange.path);
  return {
    at: new Date(exchange.startedAt),
    method: exchange.method,
    // Paths carry references, which may be chosen by a merchant system; scrubbed like any text, but keeping ids.
    path: cutTo(removeKnownSecrets(scrubText(exchange.path, { keepDigits: true }), secrets), 500),
    status: exchange.status ?? null,
    durationMs: Math.max(0, Math.round(exchange.durationMs)),
    attempt: exchange.attempt,
    idempotencyKey: exchange.idempotencyKey ?? null,
    // A userinfo path names the shopper's sub, not the payment; the client passes the payment it is for.
    reference: paymentReferenceOf(exchange) ?? (userinfo ? (exchange.reference ?? null) : null),
    traceId: exchange.traceId?.slice(0, 200) ?? null,
    pspReference: pspReferenceOf(exchange.responseBody),
    requestBody: redactBodyText(exchange.requestBody, options),
    responseBody: redactBodyText(exchange.responseBody, { ...options, personal: userinfo }),
    error: exchange.error ? clean(`${exchange.error.reason}: ${exchange.error.message}`, 500) : null,
  };
}
