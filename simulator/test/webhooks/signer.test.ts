import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/webhooks/signer';

describe('signWebhook', () => {
  it('reproduces the BRIEF §8 test vector', () => {
    const signed = signWebhook({
      secret: 'A0+AeKBRG2KRGvnNwJpQlb6IJFk48CKXCIcrLoHncVJKDILsQSxS6NWCccwWm6r6FhGKhiHTBsG2wo/xU6FY/A==',
      url: 'https://webhook.site/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63',
      body: '{"some-unique-content":"ee6e441b-cc4a-46f8-895d-a5af79bcc233/hello-world"}',
      date: 'Thu, 30 Mar 2023 08:38:32 GMT',
    });
    expect(signed.contentHash).toBe('lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=');
    expect(signed.signature).toBe('agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=');
    expect(signed.headers).toEqual({
      'x-ms-date': 'Thu, 30 Mar 2023 08:38:32 GMT',
      'x-ms-content-sha256': 'lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=',
      authorization:
        'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=',
    });
  });

  it('signs path + query and the host with a non-default port', () => {
    const signed = signWebhook({ secret: 's', url: 'http://localhost:3000/api/hook?x=1', body: '{}', date: 'D' });
    expect(signed.stringToSign).toBe(`POST\n/api/hook?x=1\nD;localhost:3000;${signed.contentHash}`);
    const defaultPort = signWebhook({ secret: 's', url: 'https://shop.example:443/h', body: '{}', date: 'D' });
    expect(defaultPort.stringToSign).toContain('D;shop.example;');
  });
});
