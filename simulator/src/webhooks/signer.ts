// HMAC-SHA256 request signing exactly as Vipps signs webhook deliveries (BRIEF §8 "Signature"):
//   contentHash  = base64(SHA256(raw body bytes))
//   stringToSign = "POST\n" + pathAndQuery + "\n" + x-ms-date + ";" + host + ";" + contentHash
//   signature    = base64(HMAC_SHA256(key = UTF-8 bytes of the secret, stringToSign))
// The secret is used as returned at registration: it is NOT base64-decoded, even though it looks
// like base64. `host` is the URL authority (JS `url.host`), so it carries a non-default port.
import { createHash, createHmac } from 'node:crypto';

export interface SignInput {
  secret: string;
  url: string;
  /** The exact bytes that will be sent. */
  body: string;
  /** RFC 1123 date, e.g. `Thu, 30 Mar 2023 08:38:32 GMT` (`Date#toUTCString()`). */
  date: string;
}

export interface SignedWebhook {
  contentHash: string;
  stringToSign: string;
  signature: string;
  /** The three signing headers; `host` is set by the HTTP client from the URL. */
  headers: { 'x-ms-date': string; 'x-ms-content-sha256': string; authorization: string };
}

export function signWebhook({ secret, url, body, date }: SignInput): SignedWebhook {
  const target = new URL(url);
  const pathAndQuery = target.pathname + target.search;
  const contentHash = createHash('sha256').update(body, 'utf8').digest('base64');
  const stringToSign = `POST\n${pathAndQuery}\n${date};${target.host};${contentHash}`;
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(stringToSign, 'utf8').digest('base64');
  return {
    contentHash,
    stringToSign,
    signature,
    headers: {
      'x-ms-date': date,
      'x-ms-content-sha256': contentHash,
      authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    },
  };
}

/** RFC 1123 date for the `x-ms-date` header. */
export function rfc1123(date: Date): string {
  return date.toUTCString();
}
