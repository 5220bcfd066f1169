import { describe, expect, it } from 'vitest';
import type { VippsExchange } from '@/lib/server/vipps/exchange';
import { AMOUNT, TEST_CONFIG, json, modificationBody, problem, scriptedFetch, testClient } from './support';

function observed(config: Parameters<typeof testClient>[1] = {}) {
  const exchanges: VippsExchange[] = [];
  return { exchanges, config: { ...config, onExchange: (e: VippsExchange) => exchanges.push(e) } };
}

describe('the exchange observer (onExchange)', () => {
  it('is told about every attempt, token calls included, numbered, with bodies and trace ids', async () => {
    const stub = scriptedFetch([
      () => problem(500),
      () => json(200, modificationBody(), { traceparent: '00-trace-ok-01' }),
    ]);
    const { exchanges, config } = observed();
    const { client } = testClient(stub.fetch, config);
    await client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'capture-1' });

    expect(exchanges.map((e) => [e.operation, e.method, e.path, e.attempt, e.status])).toEqual([
      ['token', 'POST', '/accesstoken/get', 1, 200],
      ['capturePayment', 'POST', '/epayment/v1/payments/order-12345678/capture', 1, 500],
      ['capturePayment', 'POST', '/epayment/v1/payments/order-12345678/capture', 2, 200],
    ]);
    const [, failed, ok] = exchanges;
    expect(failed).toMatchObject({
      idempotencyKey: 'capture-1',
      traceId: '00-trace-500-01',
      reference: 'order-12345678',
    });
    expect(ok?.traceId).toBe('00-trace-ok-01');
    expect(JSON.parse(ok!.requestBody!)).toEqual({ modificationAmount: AMOUNT });
    expect(JSON.parse(ok!.responseBody!)).toMatchObject({ pspReference: 'psp-1' });
    expect(typeof ok!.startedAt).toBe('number');
  });

  it('never carries a header: no client secret, subscription key or bearer token reaches the observer', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { exchanges, config } = observed();
    const { client } = testClient(stub.fetch, config);
    await client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'k-1' });
    const bearer = stub.calls[0]!.headers.get('authorization')!.replace('Bearer ', '');
    const seen = JSON.stringify(exchanges.filter((e) => e.operation !== 'token'));
    for (const secret of [TEST_CONFIG.clientSecret, TEST_CONFIG.subscriptionKey, TEST_CONFIG.clientId, bearer]) {
      expect(seen).not.toContain(secret);
    }
  });

  it('reports an attempt that got no answer, with the reason', async () => {
    let n = 0;
    const stub = scriptedFetch([
      () => {
        n += 1;
        if (n === 1) throw new TypeError('fetch failed');
        return json(200, modificationBody());
      },
    ]);
    const { exchanges, config } = observed();
    const { client } = testClient(stub.fetch, config);
    await client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'k-1' });
    const failed = exchanges.find((e) => e.operation === 'capturePayment' && e.attempt === 1);
    expect(failed?.status).toBeUndefined();
    expect(failed?.error?.reason).toBe('network');
    expect(failed?.error?.message).toContain('fetch failed');
  });

  it('cannot fail the call: an observer that throws is logged and the call goes on', async () => {
    const stub = scriptedFetch([() => json(200, modificationBody())]);
    const { client, log } = testClient(stub.fetch, {
      onExchange: () => {
        throw new Error('disk full');
      },
    });
    await expect(client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'k-1' })).resolves.toMatchObject({
      pspReference: 'psp-1',
    });
    expect(log.lines.some((l) => l.msg === 'vipps exchange observer failed')).toBe(true);
  });
});
