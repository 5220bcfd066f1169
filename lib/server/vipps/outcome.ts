// What a call that stops without a result may promise its caller. The rule (BRIEF §3, §7): a call is
// "definitely not done" only when no attempt of it can have had an effect at Vipps; as soon as one attempt
// may have reached the payment without a definite answer, the outcome is unknown for the whole call, however
// the later attempts ended.
import {
  isVippsError,
  VippsAuthError,
  VippsNotPerformedError,
  VippsOutcomeUnknownError,
  type VippsError,
  type VippsErrorDetails,
} from './errors';
import type { ProblemSummary } from './problem';
import { isTokenWaitExpired } from './token-cache';

/**
 * What one attempt's ending says about the payment:
 * - `maybe`: the request may have been processed and only the answer lost: a timeout or a lost connection
 *   after sending, or a 5xx ("500: retry with the same key", BRIEF §7).
 * - `busy`: 423 Locked. This request was turned away, but an operation on the payment is in progress at
 *   Vipps (BRIEF §7), which may be this very operation sent by an earlier call with the same key; whether a
 *   423 leaves anything pending is not documented. Not "maybe" (a later 401/409 is still a real answer), but
 *   not a promise of "not done" either.
 * - `none`: Vipps proved it did nothing: 429 (the rate limiter refused the call: "Excess calls get HTTP 429",
 *   BRIEF §4) or 401 (the gateway refused the token before the payment was touched, BRIEF §2, §7).
 */
export type AttemptEffect = 'none' | 'busy' | 'maybe';

export function effectOfStatus(status: number): AttemptEffect {
  if (status >= 500) return 'maybe';
  if (status === 423) return 'busy';
  return 'none';
}

export type LastFailure = { reason: VippsOutcomeUnknownError['reason']; status?: number; summary?: ProblemSummary };

export type OutcomeLedger = ReturnType<typeof createOutcomeLedger>;

/** One per call: records each attempt's effect and builds the error the call ends with. */
export function createOutcomeLedger(context: Pick<VippsErrorDetails, 'operation' | 'reference'>) {
  let maybe = false;
  let busy = false;

  const unknown = (attempts: number, failure: LastFailure, cause?: unknown) =>
    new VippsOutcomeUnknownError({
      ...context,
      ...failure.summary,
      status: failure.status,
      reason: failure.reason,
      attempts,
      cause,
    });

  return {
    record(effect: AttemptEffect): void {
      if (effect === 'maybe') maybe = true;
      if (effect === 'busy') busy = true;
    },
    /** An earlier attempt may have been performed, so a later 401/403/409 says nothing about it. */
    get mayHaveBeenPerformed(): boolean {
      return maybe;
    },
    /** No attempt of this call can have had an effect (all were 429/401, or none was sent). */
    get definitelyNotPerformed(): boolean {
      return !maybe && !busy;
    },

    /** The call stops after `attempts` sent attempts; `failure` is the last thing that went wrong. */
    giveUp(attempts: number, failure: LastFailure, cause?: unknown): VippsError {
      if (maybe || busy) return unknown(attempts, failure, cause);
      return new VippsNotPerformedError({
        ...context,
        ...failure.summary,
        status: failure.status,
        reason: failure.status === 429 ? 'rate-limited' : 'deadline',
        attempts,
        cause,
      });
    },

    /**
     * No access token could be had in time, so the next attempt was never sent. Bad credentials stay an
     * auth error while no earlier attempt may have reached Vipps; anything else is "not performed" when no
     * attempt can have had an effect, and "outcome unknown" otherwise.
     */
    tokenFailure(error: unknown, attempts: number, last: LastFailure | undefined): VippsError {
      if (isVippsError(error, 'auth') && !maybe) {
        const { status, code, title, detail, traceId } = error;
        return new VippsAuthError({ ...context, status, code, title, detail, traceId, cause: error });
      }
      if (isTokenWaitExpired(error)) {
        if (maybe || busy) return unknown(attempts, { ...last, reason: 'deadline' });
        return new VippsNotPerformedError({
          ...context,
          ...last?.summary,
          status: last?.status,
          reason: 'token-unavailable',
          attempts,
          cause: error,
        });
      }
      // The token call's own error (endpoint down, malformed answer): its status and trace id, not ours.
      const inner = isVippsError(error) ? error : undefined;
      const details = { ...context, status: inner?.status, traceId: inner?.traceId, attempts, cause: error };
      if (maybe || busy) return new VippsOutcomeUnknownError({ ...details, reason: 'token-unavailable' });
      return new VippsNotPerformedError({ ...details, reason: 'token-unavailable' });
    },
  };
}
