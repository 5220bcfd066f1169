// Configuration from SIM_* variables (defaults, lists, and readable errors).
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, configFromEnv, resolveConfig } from '../../src/config';
import { SIMULATOR_CREDENTIALS } from '../../src/defaults';

describe('configFromEnv', () => {
  it('uses the documented defaults', () => {
    const config = resolveConfig(configFromEnv({}));
    expect(config).toEqual({ ...DEFAULT_CONFIG, publicUrl: 'http://localhost:4010' });
    expect(config).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      clientId: SIMULATOR_CREDENTIALS.clientId,
      clientSecret: SIMULATOR_CREDENTIALS.clientSecret,
      subscriptionKey: SIMULATOR_CREDENTIALS.subscriptionKey,
      acceptedMsns: [SIMULATOR_CREDENTIALS.msn],
      tokenLifetimeSeconds: 3600,
      paymentTimeoutSeconds: 600,
      merchantName: 'Fjellbutikken',
      logLevel: 'info',
    });
  });

  it('reads every variable; SIM_MSN may list several; the public URL follows the port unless given', () => {
    const config = configFromEnv({
      SIM_PORT: '4210',
      SIM_MSN: '123456, 654321',
      SIM_TOKEN_LIFETIME_SECONDS: '60',
      SIM_PAYMENT_TIMEOUT_SECONDS: '120',
      SIM_MERCHANT_NAME: 'Sjøbua',
      SIM_LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 4210,
      publicUrl: 'http://localhost:4210',
      acceptedMsns: ['123456', '654321'],
      tokenLifetimeSeconds: 60,
      paymentTimeoutSeconds: 120,
      merchantName: 'Sjøbua',
      logLevel: 'warn',
    });
    expect(configFromEnv({ SIM_PUBLIC_URL: 'https://sim.example/' }).publicUrl).toBe('https://sim.example');
  });

  it('empty values keep the defaults', () => {
    expect(configFromEnv({ SIM_PORT: '', SIM_MSN: ' ' }).port).toBe(4010);
  });

  it('explains every bad value at once', () => {
    let error: unknown;
    try {
      configFromEnv({ SIM_PORT: 'abc', SIM_MSN: '12', SIM_PUBLIC_URL: 'localhost', SIM_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['SIM_PORT="abc"', 'SIM_MSN="12"', 'SIM_PUBLIC_URL="localhost"', 'SIM_LOG_LEVEL="loud"']) {
      expect(message).toContain(name);
    }
  });
});
