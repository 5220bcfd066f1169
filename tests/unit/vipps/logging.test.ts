import { describe, expect, it } from 'vitest';
import { createAppLogger } from '@/lib/server/log';
import { createVippsClient } from '@/lib/server/vipps/client';
import { AMOUNT, TEST_CONFIG, fakeClock, json, modificationBody, problem, scriptedFetch } from './support';

function capturingAppLogger() {
  const output: string[] = [];
  const logger = createAppLogger({ level: 'trace', destination: { write: (line: string) => output.push(line) } });
  return { output, logger };
}

describe('logging', () => {
  it('writes one structured line per attempt and never a token, secret or subscription key', async () => {
    const issuedTokens: string[] = [];
    let n = 0;
    const tokenHandler = () => {
      n += 1;
      const accessToken = `eyJhbGciOi.SECRET-JWT-${n}.sig`;
      issuedTokens.push(accessToken);
      return json(200, { token_type: 'Bearer', expires_in: '3600', expires_on: '1', access_token: accessToken });
    };
    const stub = scriptedFetch(
      [
        () => json(401, { statusCode: 401, message: 'Access denied' }),
        () => json(200, modificationBody(), { traceparent: '00-trace-ok-01' }),
        () => problem(400, '6090'),
        () => json(201, { id: 'hook-1', secret: 'WEBHOOK-SIGNING-SECRET' }),
      ],
      tokenHandler,
    );
    const { output, logger } = capturingAppLogger();
    const clock = fakeClock();
    const client = createVippsClient(TEST_CONFIG, {
      fetch: stub.fetch,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      logger: logger.child({ component: 'vipps' }),
    });

    await client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'cap-1' });
    await client.capturePayment('order-12345678', AMOUNT, { idempotencyKey: 'cap-2' }).catch(() => undefined);
    await client.registerWebhook({ url: 'https://shop.example/hook', events: ['epayments.payment.captured.v1'] });
    // Someone logging a header bag or the config by mistake is caught by redaction.
    logger.info({ headers: { authorization: `Bearer ${issuedTokens[0]}` }, config: TEST_CONFIG }, 'oops');

    const text = output.join('');
    expect(output.at(-1)).toContain('[redacted]');
    for (const secret of [
      TEST_CONFIG.clientSecret,
      TEST_CONFIG.subscriptionKey,
      'WEBHOOK-SIGNING-SECRET',
      ...issuedTokens,
    ]) {
      expect(text).not.toContain(secret);
    }

    const lines = output.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg !== 'oops');
    // token, 401, token again, 200, 400, token is cached, register = 6 attempts
    expect(lines).toHaveLength(6);
    const success = lines.find((l) => l.status === 200 && l.operation === 'capturePayment');
    expect(success).toMatchObject({
      component: 'vipps',
      method: 'POST',
      path: '/epayment/v1/payments/order-12345678/capture',
      reference: 'order-12345678',
      attempt: 2,
      traceId: '00-trace-ok-01',
    });
    expect(typeof success?.durationMs).toBe('number');
    expect(lines.find((l) => l.status === 400)).toMatchObject({ traceId: '00-trace-400-01', level: 40 });
  });
});
