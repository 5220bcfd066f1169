// A production build bundles lib/server/vipps/errors.ts once per route, and the Vipps client (kept on globalThis)
// throws the errors of whichever copy created it. A query string makes vite load a second, separate copy of a
// module, as another route bundle holds it (tests/support/second-copy.ts): `instanceof` fails across the copies;
// the guards must not.
import { describe, expect, it } from 'vitest';
import type * as problemModule from '@/lib/server/http/problem';
import { isProblemError, problemFromError, ProblemError } from '@/lib/server/http/problem';
import * as errors from '@/lib/server/vipps/errors';
import { isVippsError } from '@/lib/server/vipps/errors';
import { secondCopyOf } from '../../support/second-copy';

type ErrorsModule = typeof errors;
type ProblemModule = typeof problemModule;

const otherBundle = async () => ({
  errors: await secondCopyOf<ErrorsModule>('@/lib/server/vipps/errors'),
  problem: await secondCopyOf<ProblemModule>('@/lib/server/http/problem'),
});

const context = { operation: 'capturePayment', reference: 'order-12345678' } as const;

/** One of each kind, made by the given copy of the module. */
function oneOfEach(family: ErrorsModule) {
  return {
    rejected: new family.VippsRejectedError({
      ...context,
      status: 400,
      code: '6070',
      title: 'Cannot capture cancelled',
    }),
    'not-performed': new family.VippsNotPerformedError({
      ...context,
      status: 429,
      reason: 'rate-limited',
      attempts: 6,
    }),
    'outcome-unknown': new family.VippsOutcomeUnknownError({ ...context, reason: 'timeout', attempts: 2 }),
    'malformed-response': new family.VippsResponseError({ ...context, issues: ['aggregate'] }),
    auth: new family.VippsAuthError({ operation: 'token', status: 401 }),
    config: new family.VippsConfigError('Idempotency-Key is required', context),
  } satisfies Record<errors.VippsErrorKind, errors.VippsError>;
}

describe('Vipps error guards across bundles', () => {
  it('the copies really are separate: instanceof fails between them', async () => {
    const other = await otherBundle();
    expect(other.errors.VippsRejectedError).not.toBe(errors.VippsRejectedError);
    expect(oneOfEach(other.errors).rejected).not.toBeInstanceOf(errors.VippsRejectedError);
  });

  it('recognises each kind from either copy, and only that kind', async () => {
    const other = await otherBundle();
    for (const family of [errors, other.errors]) {
      for (const [kind, error] of Object.entries(oneOfEach(family))) {
        expect(isVippsError(error), kind).toBe(true);
        expect(other.errors.isVippsError(error), kind).toBe(true);
        for (const asked of Object.keys(oneOfEach(errors)) as errors.VippsErrorKind[]) {
          expect(isVippsError(error, asked), `${kind} asked as ${asked}`).toBe(asked === kind);
        }
      }
    }
  });

  it('names each class with a literal, so a minified build (anonymous classes) still logs and stores the name', async () => {
    const other = await otherBundle();
    expect(oneOfEach(other.errors).rejected.name).toBe('VippsRejectedError');
    expect(oneOfEach(other.errors)['not-performed'].name).toBe('VippsNotPerformedError');
  });

  it('does not take look-alikes for Vipps errors', () => {
    const lookAlike = Object.assign(new Error('rejected'), { kind: 'rejected', outcome: 'rejected', status: 400 });
    for (const value of [lookAlike, { kind: 'rejected' }, null, undefined, 'rejected', 429]) {
      expect(isVippsError(value)).toBe(false);
      expect(isVippsError(value, 'rejected')).toBe(false);
    }
  });

  it('maps another copy\'s errors through the one table: 429 ×6 is "Vipps is busy", not a 500', async () => {
    const other = await otherBundle();
    const made = oneOfEach(other.errors);
    expect(problemFromError(made['not-performed']).toBody()).toMatchObject({ status: 503, code: 'vipps_unavailable' });
    expect(problemFromError(made['not-performed']).retryAfterSeconds).toBeGreaterThan(0);
    expect(problemFromError(made.rejected)).toMatchObject({ status: 409, code: 'vipps_rejected' });
    expect(problemFromError(made['outcome-unknown'])).toMatchObject({ status: 503, code: 'vipps_outcome_unknown' });
    expect(problemFromError(made['malformed-response'])).toMatchObject({ code: 'vipps_outcome_unknown' });
    expect(problemFromError(made.auth)).toMatchObject({ status: 502, code: 'vipps_unavailable' });
    expect(problemFromError(made.config)).toMatchObject({ status: 500, code: 'internal_error' });
  });

  it("passes another copy's ProblemError through as is, and both copies recognise each other's", async () => {
    const other = await otherBundle();
    const foreign = new other.problem.ProblemError({ status: 404, code: 'not_found', title: 'Order not found' });
    expect(foreign).not.toBeInstanceOf(ProblemError);
    expect(isProblemError(foreign)).toBe(true);
    expect(problemFromError(foreign)).toBe(foreign);
    const ours = new ProblemError({ status: 409, code: 'conflict', title: 'Cannot cancel' });
    expect(other.problem.isProblemError(ours)).toBe(true);
    expect(other.problem.problemFromError(ours)).toBe(ours);
  });
});
