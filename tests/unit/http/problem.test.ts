import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProblemError, parseJsonBody, problemFromError, problemResponse } from '@/lib/server/http/problem';
import {
  VippsAuthError,
  VippsConfigError,
  VippsNotPerformedError,
  VippsOutcomeUnknownError,
  VippsRejectedError,
  VippsResponseError,
} from '@/lib/server/vipps/errors';

const schema = z.object({ sku: z.string().min(1), quantity: z.number().int().positive() });
const jsonRequest = (body: string) =>
  new Request('http://shop.test/api/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('problem envelope', () => {
  it('answers application/problem+json with a stable code', async () => {
    const response = problemResponse(new ProblemError({ status: 404, code: 'not_found', title: 'Order not found' }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'https://httpstatuses.io/404',
      title: 'Order not found',
      status: 404,
      code: 'not_found',
    });
  });

  it('turns bad JSON and invalid fields into 400s with field errors', async () => {
    await expect(parseJsonBody(jsonRequest('{nope'), schema)).rejects.toMatchObject({ status: 400, code: 'bad_json' });
    const error = await parseJsonBody(jsonRequest('{"sku":"","quantity":1.5}'), schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const body = (error as ProblemError).toBody();
    expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(body.errors?.map((e) => e.path)).toEqual(['sku', 'quantity']);
    await expect(parseJsonBody(jsonRequest('{"sku":"mug","quantity":2}'), schema)).resolves.toEqual({
      sku: 'mug',
      quantity: 2,
    });
  });

  it('never passes Vipps internals to the browser', () => {
    const rejected = new VippsRejectedError({
      operation: 'capturePayment',
      reference: 'order-1',
      status: 400,
      code: '6090',
      title: 'Capture amount too high',
      detail: 'internal detail',
      traceId: '00-abc-def-01',
    });
    const body = JSON.stringify(problemFromError(rejected).toBody());
    expect(problemFromError(rejected)).toMatchObject({ status: 409, code: 'vipps_rejected' });
    for (const internal of ['6090', 'internal detail', '00-abc-def-01', 'Capture amount too high']) {
      expect(body).not.toContain(internal);
    }
  });

  it('keeps "outcome unknown" apart from failures, and hides unexpected errors', () => {
    const unknown = new VippsOutcomeUnknownError({ operation: 'capturePayment', reason: 'timeout', attempts: 3 });
    expect(problemFromError(unknown)).toMatchObject({ status: 503, code: 'vipps_outcome_unknown' });
    expect(problemFromError(new VippsAuthError({ operation: 'token', status: 401 }))).toMatchObject({
      status: 502,
      code: 'vipps_unavailable',
    });
    const hidden = problemFromError(new Error('relation "orders" does not exist at /srv/app.js:1:2'));
    expect(hidden.toBody()).toEqual({
      type: 'https://httpstatuses.io/500',
      title: 'Something went wrong on our side',
      status: 500,
      code: 'internal_error',
      detail: 'Try again in a moment.',
    });
  });

  it('treats our own configuration errors as our 500, not as "Vipps cannot be used"', () => {
    const config = new VippsConfigError('Idempotency-Key is required', { operation: 'capturePayment' });
    expect(problemFromError(config).toBody()).toMatchObject({ status: 500, code: 'internal_error' });
    expect(problemFromError(config).cause).toBe(config);
  });

  it('maps a 2xx with an unusable body like an unknown outcome', () => {
    const response = new VippsResponseError({ operation: 'capturePayment', issues: ['aggregate'] });
    expect(problemFromError(response)).toMatchObject({ status: 503, code: 'vipps_outcome_unknown' });
  });

  it('says "nothing was changed" when the client promises nothing was performed', () => {
    const notPerformed = new VippsNotPerformedError({
      operation: 'capturePayment',
      reason: 'rate-limited',
      attempts: 1,
    });
    expect(problemFromError(notPerformed).toBody()).toMatchObject({ status: 503, code: 'vipps_unavailable' });
    expect(problemFromError(notPerformed).detail).toContain('Nothing was changed');
  });

  it('tells a client when to try again after "Vipps is busy" (Retry-After), and only then', () => {
    const notPerformed = new VippsNotPerformedError({
      operation: 'createPayment',
      reason: 'rate-limited',
      attempts: 6,
    });
    expect(Number(problemResponse(problemFromError(notPerformed)).headers.get('retry-after'))).toBeGreaterThan(0);
    const unknown = new VippsOutcomeUnknownError({ operation: 'createPayment', reason: 'timeout', attempts: 1 });
    expect(problemResponse(problemFromError(unknown)).headers.get('retry-after')).toBeNull();
  });
});
