import { describe, expect, it } from 'vitest';
import { summarizeProblem } from '@/lib/server/vipps/problem';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isRetryableStatus,
  nextDelayMs,
  parseRetryAfterMs,
} from '@/lib/server/vipps/retry-policy';

describe('retry policy', () => {
  it('retries 5xx, 423 and 429 for idempotent calls, never other 4xx', () => {
    for (const status of [500, 502, 503, 504, 423, 429]) expect(isRetryableStatus(status, 'idempotent')).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(isRetryableStatus(status, 'idempotent')).toBe(false);
  });

  it('retries only 429 when the call has no idempotency', () => {
    expect(isRetryableStatus(429, 'only-if-unprocessed')).toBe(true);
    expect(isRetryableStatus(503, 'only-if-unprocessed')).toBe(false);
    expect(isRetryableStatus(423, 'only-if-unprocessed')).toBe(false);
  });

  it('parses Retry-After as seconds or HTTP-date', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    expect(parseRetryAfterMs('7', now)).toBe(7_000);
    expect(parseRetryAfterMs('Wed, 15 Jan 2025 10:00:04 GMT', now)).toBe(4_000);
    expect(parseRetryAfterMs('Wed, 15 Jan 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });

  it('ignores garbage, negative and fractional Retry-After values that Date.parse would accept', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    for (const value of ['-5', '1.5', '-1', '1e3', '12abc', '', '   '])
      expect(parseRetryAfterMs(value, now)).toBeUndefined();
    expect(parseRetryAfterMs(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfterMs('Wednesday, 15-Jan-25 10:00:03 GMT', now)).toBe(3_000);
  });

  it('never waits less than the jittered backoff, whatever Retry-After says', () => {
    const base = { attempt: 2, nowMs: Date.parse('2025-01-15T10:00:00Z'), policy: DEFAULT_RETRY_POLICY };
    const backoff = backoffDelayMs(2, DEFAULT_RETRY_POLICY, () => 0.5);
    for (const retryAfter of ['0', '-5', '1.5', 'Wed, 15 Jan 2025 09:00:00 GMT']) {
      expect(nextDelayMs({ ...base, retryAfter, random: () => 0.5 })).toBe(backoff);
    }
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect(backoffDelayMs(1, p, () => 0)).toBe(125);
    expect(backoffDelayMs(1, p, () => 0.999999)).toBe(250);
    expect(backoffDelayMs(3, p, () => 0)).toBe(500);
    expect(backoffDelayMs(20, p, () => 1)).toBe(p.maxDelayMs);
  });

  it('lets a capped Retry-After win over backoff', () => {
    const base = { attempt: 1, nowMs: 0, policy: DEFAULT_RETRY_POLICY, random: () => 0 };
    expect(nextDelayMs({ ...base, retryAfter: '2' })).toBe(2_000);
    expect(nextDelayMs({ ...base, retryAfter: '3600' })).toBe(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
    expect(nextDelayMs({ ...base, retryAfter: null })).toBe(125);
  });
});

describe('problem mapping', () => {
  const noHeaders = new Headers();

  it('reads code from extraDetails ErrorCode, plus title, detail and traceId', () => {
    const body = JSON.stringify({
      type: 'https://httpstatuses.io/400',
      title: 'Cannot capture before reservation',
      detail: 'The amount you tried to capture is not reserved.',
      instance: '/v1/payments/577531734343670112/capture',
      status: 400,
      extraDetails: [
        { name: 'modificationAmount', reason: 'ignored' },
        { name: 'ErrorCode', reason: '6080' },
      ],
      traceId: '00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01',
    });
    expect(summarizeProblem(body, noHeaders)).toEqual({
      code: '6080',
      title: 'Cannot capture before reservation',
      detail: 'The amount you tried to capture is not reserved.',
      traceId: '00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01',
    });
  });

  it('handles validation problems without a code, and null fields (Webhooks ProblemDetails)', () => {
    const body = JSON.stringify({ title: null, status: 400, extraDetails: [{ name: 'url', reason: 'required' }] });
    expect(summarizeProblem(body, noHeaders)).toEqual({ code: undefined, title: undefined, detail: undefined });
  });

  it('handles APIM and token-endpoint shapes and falls back to header trace ids', () => {
    const apim = JSON.stringify({ statusCode: 401, message: 'Access denied due to missing subscription key.' });
    expect(summarizeProblem(apim, new Headers({ traceparent: '00-abc-def-01' }))).toMatchObject({
      detail: 'Access denied due to missing subscription key.',
      traceId: '00-abc-def-01',
    });
    const aad = JSON.stringify({ error: 'unauthorized_client', error_description: 'AADSTS700016', trace_id: 't' });
    expect(summarizeProblem(aad, noHeaders)).toMatchObject({ title: 'unauthorized_client', traceId: 't' });
  });

  it('never throws on garbage', () => {
    expect(summarizeProblem('<html>502 Bad Gateway</html>', noHeaders)).toEqual({ traceId: undefined });
    expect(summarizeProblem('', new Headers({ 'x-request-id': 'r' }))).toEqual({ traceId: 'r' });
    expect(summarizeProblem('[1,2]', noHeaders)).toEqual({ traceId: undefined });
  });
});
