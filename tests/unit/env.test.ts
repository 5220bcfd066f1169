import { describe, expect, it } from 'vitest';
import { DOCUMENTED_DEMO_SECRETS, EnvError, SIMULATOR_DEFAULTS, parseEnv } from '@/lib/server/env/schema';

describe('parseEnv', () => {
  it('works with no variables at all: everything defaults to the local simulator', () => {
    const env = parseEnv({});
    expect(env.usingLocalVipps).toBe(true);
    expect(env.VIPPS_BASE_URL).toBe(SIMULATOR_DEFAULTS.VIPPS_BASE_URL);
    expect(env.VIPPS_CLIENT_SECRET).toBe(SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET);
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("keeps shoppers' phone numbers 30 days unless told otherwise, and refuses a retention below one day", () => {
    expect(parseEnv({}).SHOPPER_PHONE_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ SHOPPER_PHONE_RETENTION_DAYS: '7' }).SHOPPER_PHONE_RETENTION_DAYS).toBe(7);
    for (const bad of ['0', '-1', '1.5', 'forever']) {
      expect(() => parseEnv({ SHOPPER_PHONE_RETENTION_DAYS: bad })).toThrow(/SHOPPER_PHONE_RETENTION_DAYS/);
    }
  });

  it('keeps shared Vipps profiles 90 days after the order settled unless told otherwise', () => {
    expect(parseEnv({}).PROFILE_RETENTION_DAYS).toBe(90);
    expect(parseEnv({ PROFILE_RETENTION_DAYS: '30' }).PROFILE_RETENTION_DAYS).toBe(30);
    for (const bad of ['0', '1.5', 'forever']) {
      expect(() => parseEnv({ PROFILE_RETENTION_DAYS: bad })).toThrow(/PROFILE_RETENTION_DAYS/);
    }
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
    expect((error as EnvError).problems).toHaveLength(5);
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
      NEXTAUTH_SECRET: 'q3Vb8Hk1Zt9Lm2Xw7Rp4Yc6Nf0Ja5Ds8',
    });
    expect(env.usingLocalVipps).toBe(false);
    expect(env.VIPPS_MSN).toBe('654321');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', VIPPS_CLIENT_ID: '' }).VIPPS_CLIENT_ID).toBe(
      SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID,
    );
  });

  describe('against a real Vipps host', () => {
    const REAL = {
      VIPPS_BASE_URL: 'https://apitest.vipps.no',
      VIPPS_CLIENT_ID: 'portal-client-id',
      VIPPS_CLIENT_SECRET: 'portal-client-secret',
      VIPPS_SUBSCRIPTION_KEY: 'portal-subscription-key',
      VIPPS_MSN: '654321',
      PUBLIC_BASE_URL: 'https://shop.example.no',
      NEXTAUTH_SECRET: 'q3Vb8Hk1Zt9Lm2Xw7Rp4Yc6Nf0Ja5Ds8',
    };
    const problemKeys = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return [];
      } catch (e) {
        if (!(e instanceof EnvError)) throw e;
        return e.problems.map((p) => p.split(':')[0]);
      }
    };

    it('starts with a complete, non-demo https configuration', () => {
      expect(problemKeys(REAL)).toEqual([]);
    });

    it('refuses the .env.example demo secrets copied next to a real host (forged /admin sessions)', () => {
      const demo = {
        ...REAL,
        VIPPS_CLIENT_ID: SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID,
        VIPPS_CLIENT_SECRET: SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET,
        VIPPS_SUBSCRIPTION_KEY: SIMULATOR_DEFAULTS.VIPPS_SUBSCRIPTION_KEY,
        NEXTAUTH_SECRET: SIMULATOR_DEFAULTS.NEXTAUTH_SECRET,
      };
      expect(problemKeys(demo)).toEqual(
        expect.arrayContaining(['VIPPS_CLIENT_ID', 'VIPPS_CLIENT_SECRET', 'VIPPS_SUBSCRIPTION_KEY', 'NEXTAUTH_SECRET']),
      );
    });

    it.each([...DOCUMENTED_DEMO_SECRETS])('refuses the documented demo value %j as NEXTAUTH_SECRET', (value) => {
      expect(problemKeys({ ...REAL, NEXTAUTH_SECRET: value })).toContain('NEXTAUTH_SECRET');
    });

    it('refuses a NEXTAUTH_SECRET shorter than 32 characters or with whitespace', () => {
      expect(problemKeys({ ...REAL, NEXTAUTH_SECRET: 'x'.repeat(31) })).toEqual(['NEXTAUTH_SECRET']);
      expect(problemKeys({ ...REAL, NEXTAUTH_SECRET: `${'x'.repeat(20)} ${'y'.repeat(20)}` })).toEqual([
        'NEXTAUTH_SECRET',
      ]);
      expect(problemKeys({ ...REAL, NEXTAUTH_SECRET: 'x'.repeat(32) })).toEqual([]);
    });

    it('refuses plain http for the Vipps host, the shop URL and NEXTAUTH_URL, localhost aside', () => {
      expect(problemKeys({ ...REAL, VIPPS_BASE_URL: 'http://apitest.vipps.no' })).toContain('VIPPS_BASE_URL');
      expect(problemKeys({ ...REAL, PUBLIC_BASE_URL: 'http://shop.example.no' })).toEqual(['PUBLIC_BASE_URL']);
      expect(problemKeys({ ...REAL, NEXTAUTH_URL: 'http://shop.example.no' })).toEqual(['NEXTAUTH_URL']);
      expect(problemKeys({ ...REAL, PUBLIC_BASE_URL: 'http://localhost:3000' })).toEqual([]);
    });

    it('refuses the benchmark routes (BENCH_ROUTES=1), which only the local simulator may have', () => {
      expect(problemKeys({ ...REAL, BENCH_ROUTES: '1' })).toEqual(['BENCH_ROUTES']);
      expect(problemKeys({ ...REAL, BENCH_ROUTES: '0' })).toEqual([]);
    });
  });

  describe('with the local simulator, when others can reach the shop', () => {
    const REAL_SECRET = 'q3Vb8Hk1Zt9Lm2Xw7Rp4Yc6Nf0Ja5Ds8';
    const refusal = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return undefined;
      } catch (e) {
        if (!(e instanceof EnvError)) throw e;
        return e.message;
      }
    };

    it('allows the demo secrets and demo staff only on loopback (the defaults: 127.0.0.1, localhost)', () => {
      expect(parseEnv({})).toMatchObject({ SHOP_HOST: '127.0.0.1', demoSecretsAllowed: true });
      for (const url of [
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'http://127.1.2.3:80',
        'http://[::1]:3000',
      ]) {
        expect(parseEnv({ PUBLIC_BASE_URL: url }).demoSecretsAllowed, url).toBe(true);
      }
      expect(parseEnv({ SHOP_HOST: 'localhost' }).demoSecretsAllowed).toBe(true);
      expect(parseEnv({ SHOP_HOST: '::1' }).demoSecretsAllowed).toBe(true);
    });

    it('requires a real NEXTAUTH_SECRET for a public PUBLIC_BASE_URL, whatever VIPPS_BASE_URL is', () => {
      const exposed = { PUBLIC_BASE_URL: 'https://shop.example.com' };
      expect(refusal(exposed)).toMatch(
        /NEXTAUTH_SECRET: required when the shop is reachable by others \(PUBLIC_BASE_URL https:\/\/shop\.example\.com is not a loopback URL\)/,
      );
      expect(refusal({ ...exposed, NEXTAUTH_SECRET: SIMULATOR_DEFAULTS.NEXTAUTH_SECRET })).toMatch(
        /NEXTAUTH_SECRET: is a demo value published in this repository/,
      );
      expect(refusal({ ...exposed, NEXTAUTH_SECRET: 'too-short' })).toMatch(/NEXTAUTH_SECRET: must be at least 32/);
      const env = parseEnv({ ...exposed, NEXTAUTH_SECRET: REAL_SECRET });
      // The simulator's own test keys stay allowed: they only ever reach the local simulator.
      expect(env).toMatchObject({ usingLocalVipps: true, demoSecretsAllowed: false, NEXTAUTH_SECRET: REAL_SECRET });
      expect(env.VIPPS_CLIENT_SECRET).toBe(SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET);
    });

    it('counts a LAN address in PUBLIC_BASE_URL or NEXTAUTH_URL, and a non-loopback SHOP_HOST, as reachable', () => {
      expect(refusal({ PUBLIC_BASE_URL: 'http://192.168.1.20:3000' })).toMatch(/NEXTAUTH_SECRET/);
      expect(refusal({ NEXTAUTH_URL: 'http://shop.lan:3000' })).toMatch(/NEXTAUTH_URL http:\/\/shop\.lan:3000/);
      for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
        expect(refusal({ SHOP_HOST: host }), host).toMatch(/SHOP_HOST .* is not a loopback address/);
        expect(parseEnv({ SHOP_HOST: host, NEXTAUTH_SECRET: REAL_SECRET }).demoSecretsAllowed, host).toBe(false);
      }
      expect(refusal({ SHOP_HOST: 'not a host!' })).toMatch(/SHOP_HOST: must be a host name or IP address/);
    });
  });

  it('leaves the benchmark routes off unless BENCH_ROUTES=1', () => {
    expect(parseEnv({}).BENCH_ROUTES).toBe('0');
    expect(parseEnv({ BENCH_ROUTES: '1' }).BENCH_ROUTES).toBe('1');
    expect(() => parseEnv({ BENCH_ROUTES: 'yes' })).toThrow(/BENCH_ROUTES/);
  });

  it('trusts no proxy and allows ten checkouts a minute per address unless told otherwise', () => {
    expect(parseEnv({})).toMatchObject({ TRUSTED_PROXY_COUNT: 0, CHECKOUT_RATE_LIMIT_PER_MINUTE: 10 });
    expect(parseEnv({ TRUSTED_PROXY_COUNT: '2', CHECKOUT_RATE_LIMIT_PER_MINUTE: '500' })).toMatchObject({
      TRUSTED_PROXY_COUNT: 2,
      CHECKOUT_RATE_LIMIT_PER_MINUTE: 500,
    });
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: '-1' })).toThrow(/TRUSTED_PROXY_COUNT/);
    expect(() => parseEnv({ CHECKOUT_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/CHECKOUT_RATE_LIMIT_PER_MINUTE/);
  });
});
