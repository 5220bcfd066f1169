// Masks for personal data and scrubs for secrets in free text. Pure, so every rule is unit-tested
// (tests/unit/api-log). Used on the Vipps API log and on the webhook inbox's stored bodies.

export const REDACTED = '[redacted]';

/** "4791234567" → "47******67": enough for staff to match a shopper's number, not enough to call it. */
export function maskPhone(value: string | number): string {
  const digits = String(value).replace(/\D/g, '');
  if (digits.length < 6) return '*'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** "kari.nordmann@example.com" → "k***@e***.com". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${value.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

/** "Kari" → "K***": names, street addresses and other personal strings. */
export function maskName(value: string): string {
  return value.length === 0 ? value : `${value.slice(0, 1)}***`;
}

// Every pattern starts only where its first part cannot continue backwards (look-behind) and has no nested
// unbounded repeats, so a hostile 64 kB body (a forged webhook) is scanned in linear time.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
/** 8–15 digits, optionally with a leading + and single spaces ("+47 912 34 567"), not inside a word or id. */
const PHONE_LIKE = /(?<![\w+.-])\+?\d(?: ?\d){7,14}(?![\w.-])/g;
const JWT_LIKE = /(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
/** `secret=…`, `"access_token": "…"`, `client_secret: …` in text that is not JSON (or in a URL's query). */
const SECRET_PAIR =
  /\b(access_token|refresh_token|id_token|client_secret|client_id|secret|password|authorization|ocp-apim-subscription-key|token)(["']?\s{0,3}[:=]\s{0,3}["']?)([^"'&\s,;}]+)/gi;

export function looksLikeEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(value);
}

export function looksLikePhone(value: string): boolean {
  const digits = value.replace(/[\s+()-]/g, '');
  return /^\d{8,15}$/.test(digits);
}

/**
 * Free text (a string inside a body, or a body that is not JSON): tokens, secret pairs, e-mail addresses and,
 * unless `keepDigits` (ids and timestamps such as pspReference or expires_on), phone-looking digit runs.
 */
export function scrubText(text: string, options: { keepDigits?: boolean } = {}): string {
  let out = text
    .replace(JWT_LIKE, REDACTED)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_PAIR, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`)
    .replace(EMAIL, (m) => maskEmail(m));
  if (!options.keepDigits) out = out.replace(PHONE_LIKE, (m) => maskPhone(m));
  return out;
}

/** Known secret values (configured keys, learned tokens) anywhere in a text, in plain or JSON-escaped form. */
export function removeKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real keys and tokens are long.
    if (secret.length < 8) continue;
    out = out.split(secret).join(REDACTED);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

/** Cut after redaction (never before: a cut could split JSON and hide a key from the key rules). */
export function cutTo(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}…[cut: ${text.length} characters in all]`;
}
