// verifyWebhook is total: every malformed input is a refusal with a reason, never an
// exception, and an empty secret never verifies, even for a delivery signed with the empty key.
import { describe, expect, it } from 'vitest';
import {
  signWebhook,
  verifyWebhook,
  type VerifyWebhookInput,
  type WebhookVerificationResult,
} from '@/lib/server/vipps/webhook-signature';
import { WEBHOOK_VECTOR } from './support';

const VECTOR = WEBHOOK_VECTOR; // BRIEF §8
const SENT_AT = Date.parse(VECTOR.date);
const signedHeaders = signWebhook(VECTOR).headers;

function validInput(): VerifyWebhookInput {
  return {
    secret: VECTOR.secret,
    method: 'POST',
    url: '/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63',
    host: 'webhook.site',
    headers: { ...signedHeaders },
    rawBody: VECTOR.body,
    now: SENT_AT + 1_000,
  };
}

/** Calls the verifier with a deliberately ill-typed value, as a JavaScript caller or a bad config could. */
const verifyUntyped = (input: unknown): WebhookVerificationResult => verifyWebhook(input as VerifyWebhookInput);
const withField = (field: string, value: unknown) => verifyUntyped({ ...validInput(), [field]: value });
const withoutField = (field: string) => {
  const input: Record<string, unknown> = { ...validInput() };
  delete input[field];
  return verifyUntyped(input);
};

describe('verifyWebhook refuses every malformed input without throwing', () => {
  it('still verifies the BRIEF §8 vector (the baseline every row below breaks one field of)', () => {
    expect(verifyWebhook(validInput())).toEqual({ ok: true });
  });

  it('refuses an empty secret, even for a delivery signed with the empty key', () => {
    const signedWithEmptyKey = signWebhook({ ...VECTOR, secret: '' }).headers;
    expect(verifyUntyped({ ...validInput(), secret: '', headers: signedWithEmptyKey })).toEqual({
      ok: false,
      reason: 'missing-secret',
    });
    const signedWithBlankKey = signWebhook({ ...VECTOR, secret: '  ' }).headers;
    expect(verifyUntyped({ ...validInput(), secret: '  ', headers: signedWithBlankKey })).toEqual({
      ok: false,
      reason: 'missing-secret',
    });
  });

  it.each<[string, string, () => WebhookVerificationResult]>([
    ['no argument', 'invalid-input', () => verifyUntyped(undefined)],
    ['null argument', 'invalid-input', () => verifyUntyped(null)],
    ['a string argument', 'invalid-input', () => verifyUntyped('POST /webhook')],
    ['a number argument', 'invalid-input', () => verifyUntyped(42)],
    ['missing secret', 'missing-secret', () => withoutField('secret')],
    ['null secret', 'missing-secret', () => withField('secret', null)],
    ['numeric secret', 'missing-secret', () => withField('secret', 123)],
    ['NaN now', 'invalid-clock', () => withField('now', Number.NaN)],
    ['Infinity now', 'invalid-clock', () => withField('now', Number.POSITIVE_INFINITY)],
    ['-Infinity now', 'invalid-clock', () => withField('now', Number.NEGATIVE_INFINITY)],
    ['negative now', 'invalid-clock', () => withField('now', -1)],
    ['missing now', 'invalid-clock', () => withoutField('now')],
    ['now as a Date', 'invalid-clock', () => withField('now', new Date(SENT_AT))],
    ['now as a string', 'invalid-clock', () => withField('now', String(SENT_AT))],
    ['NaN skew', 'invalid-clock', () => withField('maxSkewMs', Number.NaN)],
    ['Infinity skew', 'invalid-clock', () => withField('maxSkewMs', Number.POSITIVE_INFINITY)],
    ['negative skew', 'invalid-clock', () => withField('maxSkewMs', -1)],
    ['null skew', 'invalid-clock', () => withField('maxSkewMs', null)],
    ['missing method', 'invalid-input', () => withoutField('method')],
    ['numeric method', 'invalid-input', () => withField('method', 1)],
    ['missing url', 'invalid-input', () => withoutField('url')],
    ['empty url', 'invalid-input', () => withField('url', '')],
    ['a full URL instead of path and query', 'invalid-input', () => withField('url', VECTOR.url)],
    ['missing host', 'invalid-input', () => withoutField('host')],
    ['empty host', 'invalid-input', () => withField('host', '')],
    ['missing headers', 'invalid-input', () => withoutField('headers')],
    ['null headers', 'invalid-input', () => withField('headers', null)],
    ['headers as a string', 'invalid-input', () => withField('headers', 'authorization: x')],
    ['missing body', 'invalid-input', () => withoutField('rawBody')],
    ['null body', 'invalid-input', () => withField('rawBody', null)],
    ['body as parsed JSON', 'invalid-input', () => withField('rawBody', JSON.parse(VECTOR.body))],
    [
      'undefined header value',
      'missing-header',
      () => withField('headers', { ...signedHeaders, authorization: undefined }),
    ],
    ['null header value', 'missing-header', () => withField('headers', { ...signedHeaders, 'x-ms-date': null })],
    ['empty header value', 'missing-header', () => withField('headers', { ...signedHeaders, 'x-ms-date': '' })],
    [
      'numeric header value',
      'invalid-input',
      () => withField('headers', { ...signedHeaders, 'x-ms-date': 1680165512 }),
    ],
    ['object header value', 'invalid-input', () => withField('headers', { ...signedHeaders, authorization: {} })],
    [
      'non-string in a header array',
      'invalid-input',
      () => withField('headers', { ...signedHeaders, authorization: [signedHeaders.authorization, 7] }),
    ],
    [
      'a header getter that throws',
      'invalid-input',
      () =>
        withField(
          'headers',
          Object.defineProperty({ ...signedHeaders }, 'authorization', {
            enumerable: true,
            get: () => {
              throw new Error('boom');
            },
          }),
        ),
    ],
  ])('%s → %s', (_name, reason, run) => {
    let result: WebhookVerificationResult | undefined;
    expect(() => (result = run())).not.toThrow();
    expect(result).toEqual({ ok: false, reason });
  });

  it('never throws and never accepts when any field is replaced by an odd value (seeded property loop)', () => {
    const odd: unknown[] = [
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1,
      0,
      '',
      ' ',
      'x',
      1n,
      true,
      Symbol('s'),
      {},
      [],
      [undefined],
      () => 'POST',
      new Date(SENT_AT),
      new Uint8Array(),
      new Headers(),
    ];
    const fields = ['secret', 'method', 'url', 'host', 'headers', 'rawBody', 'now', 'maxSkewMs'] as const;
    // A fixed-seed LCG: the same 2 000 cases on every run, so a failure is reproducible.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 2_000; run++) {
      const input: Record<string, unknown> = { ...validInput() };
      const replaced: string[] = [];
      // One to three fields per case. An absent `maxSkewMs` means the default, so it only gets present values
      // (0 is a refusal too: the vector's `now` is a second after the date).
      for (let n = 1 + next(3); n > 0; n--) {
        const field = fields[next(fields.length)]!;
        const candidates = field === 'maxSkewMs' ? odd.filter((v) => v !== undefined) : odd;
        const value = candidates[next(candidates.length)];
        input[field] = value;
        replaced.push(`${field}=${typeof value === 'symbol' ? 'Symbol' : String(value)}`);
      }
      let result: WebhookVerificationResult | undefined;
      expect(() => (result = verifyUntyped(input)), replaced.join(', ')).not.toThrow();
      expect(result?.ok, replaced.join(', ')).toBe(false);
    }
  });
});
