import { describe, expect, it } from 'vitest';
import { apiLogStep, prettyBody } from '@/lib/admin-api-log';

describe('apiLogStep', () => {
  it.each([
    ['POST', '/accesstoken/get', 'token'],
    ['POST', '/epayment/v1/payments', 'create payment'],
    ['GET', '/epayment/v1/payments/fb-100042-1', 'get payment'],
    ['GET', '/epayment/v1/payments/fb-100042-1/events', 'get events'],
    ['POST', '/epayment/v1/payments/fb-100042-1/capture', 'capture'],
    ['POST', '/epayment/v1/payments/fb-100042-1/refund', 'refund'],
    ['POST', '/epayment/v1/payments/fb-100042-1/cancel', 'cancel'],
    ['POST', '/epayment/v1/test/payments/fb-100042-1/approve', 'force approve (test)'],
    ['GET', '/webhooks/v1/webhooks', 'webhooks'],
    ['POST', '/webhooks/v1/webhooks', 'webhooks'],
    ['DELETE', '/webhooks/v1/webhooks/abc', 'webhooks'],
    ['get', '/epayment/v1/payments/x?y=1', 'get payment'],
    ['DELETE', '/epayment/v1/payments/x', 'other'],
    ['GET', '/recurring/v3/agreements', 'other'],
  ])('%s %s is "%s"', (method, path, step) => {
    expect(apiLogStep(method, path)).toBe(step);
  });
});

describe('prettyBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(prettyBody('{"a":{"b":1}}')).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
    expect(prettyBody('not json {')).toBe('not json {');
  });
});
