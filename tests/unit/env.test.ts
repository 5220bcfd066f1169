import { describe, expect, it } from 'vitest';
import { EnvError, SIMULATOR_DEFAULTS, parseEnv } from '@/lib/server/env/schema';

describe('parseEnv', () => {
  it('works with no variables at all: everything defaults to the local simulator', () => {
    const env = parseEnv({});
    expect(env.usingLocalVipps).toBe(true);
    expect(env.VIPPS_BASE_URL).toBe(SIMULATOR_DEFAULTS.VIPPS_BASE_URL);
    expect(env.VIPPS_CLIENT_SECRET).toBe(SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET);
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('requires every secret against a real Vipps host and lists them all in one error', () => {
    let error: unknown;
    try {
      parseEnv({ VIPPS_BASE_URL: 'https://apitest.vipps.no' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const key of [
      'VIPPS_CLIENT_ID',
      'VIPPS_CLIENT_SECRET',
      'VIPPS_SUBSCRIPTION_KEY',
      'VIPPS_MSN',
      'NEXTAUTH_SECRET',
    ]) {
      expect(message).toContain(key);
    }
    expect((error as EnvError).problems.length).toBeGreaterThanOrEqual(7);
  });

  it('reports format errors and missing secrets together', () => {
    expect(() =>
      parseEnv({
        VIPPS_BASE_URL: 'https://apitest.vipps.no',
        VIPPS_MSN: '12',
        DATABASE_URL: 'mysql://x',
        PUBLIC_BASE_URL: 'nope',
      }),
    ).toThrow(/VIPPS_MSN[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*VIPPS_MSN/);
    try {
      parseEnv({
        VIPPS_BASE_URL: 'https://apitest.vipps.no',
        VIPPS_MSN: '12',
        DATABASE_URL: 'mysql://x',
        PUBLIC_BASE_URL: 'nope',
      });
    } catch (e) {
      const keys = (e as EnvError).problems.map((p) => p.split(':')[0]);
      expect(keys).toEqual(expect.arrayContaining(['PUBLIC_BASE_URL', 'DATABASE_URL', 'VIPPS_MSN', 'VIPPS_CLIENT_ID']));
    }
  });

  it('accepts a complete real-Vipps configuration without demo defaults', () => {
    const env = parseEnv({
      VIPPS_BASE_URL: 'https://apitest.vipps.no',
      VIPPS_CLIENT_ID: 'id',
      VIPPS_CLIENT_SECRET: 'secret',
      VIPPS_SUBSCRIPTION_KEY: 'key',
      VIPPS_MSN: '654321',
      NEXTAUTH_SECRET: 'a-long-random-secret',
      STAFF_EMAIL: 'ops@shop.no',
      STAFF_PASSWORD: 'correct horse battery',
    });
    expect(env.usingLocalVipps).toBe(false);
    expect(env.VIPPS_MSN).toBe('654321');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', VIPPS_CLIENT_ID: '' }).VIPPS_CLIENT_ID).toBe(
      SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID,
    );
  });
});
