import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, webhookSigningTarget } from '@/lib/server/vipps/webhook-signature';
import { WEBHOOK_VECTOR } from './support';

const VECTOR = WEBHOOK_VECTOR; // BRIEF §8
const SENT_AT = Date.parse(VECTOR.date);

function verifyVector(overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) {
  const signed = signWebhook(VECTOR);
  return verifyWebhook({
    secret: VECTOR.secret,
    method: 'POST',
    url: '/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63',
    host: 'webhook.site',
    headers: signed.headers,
    rawBody: VECTOR.body,
    now: SENT_AT + 1_000,
    ...overrides,
  });
}

describe('webhook signature', () => {
  it('reproduces the BRIEF §8 test vector', () => {
    const signed = signWebhook(VECTOR);
    expect(signed.contentHash).toBe('lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=');
    expect(signed.signature).toBe('agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=');
    expect(signed.headers.authorization).toBe(
      'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=',
    );
  });

  it('verifies a genuine delivery (bytes body, Headers object, any header case)', () => {
    const signed = signWebhook(VECTOR);
    expect(verifyVector()).toEqual({ ok: true });
    expect(
      verifyVector({ rawBody: new TextEncoder().encode(VECTOR.body), headers: new Headers(signed.headers) }),
    ).toEqual({ ok: true });
    const upper = {
      'X-MS-DATE': signed.headers['x-ms-date'],
      'X-Ms-Content-Sha256': signed.headers['x-ms-content-sha256'],
      Authorization: signed.headers.authorization,
    };
    expect(verifyVector({ headers: upper })).toEqual({ ok: true });
  });

  it('rejects a tampered body by its content hash first', () => {
    expect(verifyVector({ rawBody: VECTOR.body.replace('hello', 'HELLO') })).toEqual({
      ok: false,
      reason: 'content-hash-mismatch',
    });
  });

  it('rejects a body re-hashed by an attacker without the secret', () => {
    const forged = signWebhook({ ...VECTOR, body: '{"evil":true}', secret: 'guessed' });
    expect(verifyVector({ rawBody: '{"evil":true}', headers: forged.headers })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects the wrong secret', () => {
    expect(verifyVector({ secret: 'another-registration-secret' })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects a stale or future date outside 5 minutes, and accepts inside', () => {
    expect(verifyVector({ now: SENT_AT + 5 * 60_000 + 1 })).toEqual({ ok: false, reason: 'stale-date' });
    expect(verifyVector({ now: SENT_AT - 5 * 60_000 - 1 })).toEqual({ ok: false, reason: 'stale-date' });
    expect(verifyVector({ now: SENT_AT + 4 * 60_000 })).toEqual({ ok: true });
    expect(verifyVector({ now: SENT_AT + 60_000, maxSkewMs: 30_000 })).toEqual({ ok: false, reason: 'stale-date' });
  });

  it('rejects a re-dated delivery (the date is signed)', () => {
    const signed = signWebhook(VECTOR);
    const headers = { ...signed.headers, 'x-ms-date': 'Thu, 30 Mar 2023 08:39:00 GMT' };
    expect(verifyVector({ headers })).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('refuses a signing header that arrives more than once, instead of picking one copy', () => {
    const signed = signWebhook(VECTOR);
    const forged = signWebhook({ ...VECTOR, secret: 'guessed' }).headers.authorization;
    expect(
      verifyVector({ headers: { ...signed.headers, authorization: [signed.headers.authorization, forged] } }),
    ).toEqual({ ok: false, reason: 'duplicate-header' });
    expect(verifyVector({ headers: { ...signed.headers, Authorization: forged } })).toEqual({
      ok: false,
      reason: 'duplicate-header',
    });
    const repeated = new Headers(signed.headers);
    repeated.append('x-ms-date', 'Thu, 30 Mar 2023 08:38:33 GMT');
    expect(verifyVector({ headers: repeated })).toMatchObject({ ok: false });
    expect(verifyVector({ headers: { ...signed.headers, authorization: [signed.headers.authorization] } })).toEqual({
      ok: true,
    });
  });

  it('rejects a delivery dated far in the future', () => {
    expect(verifyVector({ now: SENT_AT - 365 * 24 * 3_600_000 })).toEqual({ ok: false, reason: 'stale-date' });
  });

  it('rejects missing headers and non-POST methods', () => {
    const signed = signWebhook(VECTOR);
    const { authorization: _omit, ...withoutAuth } = signed.headers;
    expect(verifyVector({ headers: withoutAuth })).toEqual({ ok: false, reason: 'missing-header' });
    expect(verifyVector({ method: 'GET' })).toEqual({ ok: false, reason: 'method-not-post' });
  });

  it('works behind a proxy: host and path come from the configured public URL, not the request', () => {
    const publicUrl = 'https://shop.example.com:8443';
    const secret = 'registration-secret';
    const date = new Date(SENT_AT).toUTCString();
    const body = '{"name":"CAPTURED"}';
    // Vipps signs the URL it was given at registration.
    const signed = signWebhook({ secret, url: `${publicUrl}/api/vipps/webhook?v=1`, body, date });
    const target = webhookSigningTarget(publicUrl, '/api/vipps/webhook?v=1');
    expect(target).toEqual({ host: 'shop.example.com:8443', url: '/api/vipps/webhook?v=1' });
    expect(webhookSigningTarget('https://example.com/shop/', 'api/vipps/webhook')).toEqual({
      host: 'example.com',
      url: '/shop/api/vipps/webhook',
    });

    // The app sees `Host: localhost:3000` from the proxy; that header is irrelevant to verification.
    const proxiedHeaders = { ...signed.headers, host: 'localhost:3000' };
    const input = { secret, method: 'POST', headers: proxiedHeaders, rawBody: body, now: SENT_AT };
    expect(verifyWebhook({ ...input, ...target })).toEqual({ ok: true });
    expect(verifyWebhook({ ...input, url: target.url, host: 'localhost:3000' })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });
});
