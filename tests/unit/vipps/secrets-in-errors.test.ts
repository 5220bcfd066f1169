// Errors are logged by callers (pino prints `message` and the whole `cause` chain), so no error the client
// throws may quote a credential or a token, even when the value itself is malformed.
import { describe, expect, it } from 'vitest';
import { VippsConfigError, VippsError, VippsNotPerformedError } from '@/lib/server/vipps/errors';
import { json, modificationBody, rejection, scriptedFetch, testClient, tokenResponse } from './support';

const REF = 'order-12345678';

/** Every message along the cause chain, as pino's error serializer would print it. */
function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}

describe('secrets never end up in error messages', () => {
  it.each(['subscriptionKey', 'clientSecret', 'clientId'] as const)(
    'a %s with a line break is a VippsConfigError naming the key, not the value',
    async (key) => {
      const stub = scriptedFetch([() => json(200, modificationBody())]);
      const error = await rejection(
        (async () => testClient(stub.fetch, { [key]: 'LEAKED-SECRET\r\nX-Injected: 1' }).client.getPayment(REF))(),
      );
      expect(error).toBeInstanceOf(VippsConfigError);
      expect(messageChain(error)).toContain(key);
      expect(messageChain(error)).not.toContain('LEAKED-SECRET');
      expect(stub.calls).toHaveLength(0);
    },
  );

  it('a token with a character no header accepts is a malformed response, never a TypeError quoting it', async () => {
    let n = 0;
    const stub = scriptedFetch([() => json(200, modificationBody())], () =>
      ++n === 1 ? tokenResponse({ access_token: 'eyJ.LEAKED-TOKEN\n.sig' }) : tokenResponse(),
    );
    const { client } = testClient(stub.fetch);

    const error = await rejection(client.getPayment(REF));

    expect(error).toBeInstanceOf(VippsError);
    expect(error).toBeInstanceOf(VippsNotPerformedError);
    expect(messageChain(error)).not.toContain('LEAKED-TOKEN');
    expect(stub.calls).toHaveLength(0);
  });
});
