import { readFileSync } from 'node:fs';
import { parseEnv as parseDotenv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_DEFAULTS, parseEnv } from '@/lib/server/env/schema';

describe('.env.example', () => {
  const example = parseDotenv(readFileSync('.env.example', 'utf8'));

  it('is a valid configuration as is', () => {
    expect(() => parseEnv(example)).not.toThrow();
  });

  it('documents exactly the built-in defaults, so copying it changes nothing', () => {
    const fromExample = parseEnv(example);
    const fromNothing = parseEnv({});
    expect(fromExample).toEqual(fromNothing);
    expect(example.VIPPS_CLIENT_ID).toBe(SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID);
  });
});
