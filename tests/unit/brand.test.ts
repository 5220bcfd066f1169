// Our other branded errors (lib/brand.ts): each is recognised from a second, separate copy of its module, as
// another route bundle of a production build holds it, where `instanceof` fails.
import { describe, expect, it } from 'vitest';
import { createBrand } from '@/lib/brand';
import type * as apiClient from '@/lib/api-client';
import { ApiProblemError, isApiProblemError } from '@/lib/api-client';
import type * as envSchema from '@/lib/server/env/schema';
import { EnvError, isEnvError } from '@/lib/server/env/schema';
import type * as tokenCache from '@/lib/server/vipps/token-cache';
import { isTokenWaitExpired, TokenWaitExpiredError } from '@/lib/server/vipps/token-cache';
import { secondCopyOf } from '../support/second-copy';

describe('branded errors', () => {
  it('a brand made twice under one name is one brand, and it stays out of JSON and logs', () => {
    const target = new Error('x');
    createBrand('test-thing').mark(target);
    expect(createBrand('test-thing').isOn(target)).toBe(true);
    expect(createBrand('other-thing').isOn(target)).toBe(false);
    expect(Object.keys(target)).toEqual([]);
    expect(JSON.stringify({ ...target })).toBe('{}');
  });

  it('EnvError, TokenWaitExpiredError and ApiProblemError are recognised across copies of their modules', async () => {
    const env = await secondCopyOf<typeof envSchema>('@/lib/server/env/schema');
    const tokens = await secondCopyOf<typeof tokenCache>('@/lib/server/vipps/token-cache');
    const api = await secondCopyOf<typeof apiClient>('@/lib/api-client');

    const envError = new env.EnvError(['VIPPS_MSN: required']);
    expect(envError).not.toBeInstanceOf(EnvError);
    expect(isEnvError(envError)).toBe(true);
    expect(isEnvError(new Error('Invalid configuration'))).toBe(false);

    const waited = new tokens.TokenWaitExpiredError();
    expect(waited).not.toBeInstanceOf(TokenWaitExpiredError);
    expect(isTokenWaitExpired(waited)).toBe(true);
    expect(isTokenWaitExpired(new Error('deadline reached while waiting for an access token'))).toBe(false);

    const problem = new api.ApiProblemError({ status: 404, code: 'not_found', title: 'Not found' });
    expect(problem).not.toBeInstanceOf(ApiProblemError);
    expect(isApiProblemError(problem)).toBe(true);
    expect(isApiProblemError(new Error('Not found'))).toBe(false);
  });
});
