/**
 * The optional `Vipps-System-Name`, `-Version`, `-Plugin-Name` and `-Plugin-Version` headers have `maxLength: 30`
 * in every spec (BRIEF §3). A shop whose values are too long must find out here, not first against Vipps.
 */
import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from './sim-env';
import { ProblemError, sendSimResponse } from './problem';

const SYSTEM_HEADERS = [
  'Vipps-System-Name',
  'Vipps-System-Version',
  'Vipps-System-Plugin-Name',
  'Vipps-System-Plugin-Version',
] as const;
const MAX_LENGTH = 30;

export function requireSystemHeaderLimits(): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const tooLong = SYSTEM_HEADERS.filter((name) => (c.req.header(name)?.length ?? 0) > MAX_LENGTH);
    if (tooLong.length > 0) {
      const fields = tooLong.map((name) => ({
        name,
        reason: `The header ${name} must be at most ${MAX_LENGTH} characters.`,
      }));
      return sendSimResponse(ProblemError.validation(fields).toResponse(c.req.path));
    }
    await next();
  };
}
