import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createAppLogger } from '@/lib/server/log';

function capturingAppLogger() {
  const output: string[] = [];
  const logger = createAppLogger({ level: 'trace', destination: { write: (line: string) => output.push(line) } });
  return { output, logger };
}

const errOf = (line: string) => (JSON.parse(line) as { err: Record<string, unknown> }).err;

/** What drizzle throws when PostgreSQL refuses a statement: its message lists every parameter's value. */
const failedInsert = () =>
  new DrizzleQueryError(
    'insert into "orders" ("checkout_key", "phone_number") values ($1, $2)',
    ['9f1c\u0000evil', '4791234567'],
    new Error('invalid byte sequence for encoding "UTF8": 0x00'),
  );

describe('the app logger and a failed query', () => {
  it('keeps the statement and the database reason, never the parameters (also deep in a cause chain)', () => {
    const { output, logger } = capturingAppLogger();
    logger.error({ err: failedInsert() }, 'checkout failed');
    logger.error({ err: new Error('Something went wrong on our side', { cause: failedInsert() }) }, 'wrapped');
    expect(output).toHaveLength(2);
    for (const line of output) {
      expect(line).not.toContain('4791234567');
      expect(line).not.toContain('evil');
      expect(line).toContain('Failed query: insert into \\"orders\\"');
      expect(line).toContain('params: [2 hidden]');
      expect(line).toContain('invalid byte sequence');
    }
    expect(errOf(output[0]!)).toMatchObject({ type: 'DrizzleQueryError' });
    expect(errOf(output[0]!)).not.toHaveProperty('params');
  });

  it('logs any other error as it is', () => {
    const { output, logger } = capturingAppLogger();
    logger.warn({ err: new TypeError('not a query') }, 'plain');
    expect(errOf(output[0]!)).toMatchObject({ type: 'TypeError', message: 'not a query' });
  });
});
