// The one error envelope of our own API: RFC 7807 `application/problem+json` with a stable `code` that
// browsers and tests branch on, a human `title`/`detail`, and field errors for validation (DESIGN "Errors").
// Pure (no server-only) so the mapping is unit-testable.
import type { z } from 'zod';
import { VippsError, VippsOutcomeUnknownError, VippsRejectedError, VippsResponseError } from '../vipps/errors';

export type ProblemCode =
  | 'bad_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'vipps_rejected'
  | 'vipps_outcome_unknown'
  | 'vipps_unavailable'
  | 'db_unavailable'
  | 'internal_error';

export interface FieldError {
  /** Dotted path into the request body, e.g. `items.0.quantity`. */
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: FieldError[];
}

/** Throw from lib or route code; `problemFromError` turns it into the response as is. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    options?: { cause?: unknown },
  ) {
    super(detail ? `${title}: ${detail}` : title, options);
    this.name = 'ProblemError';
  }

  toBody(): ProblemBody {
    return {
      type: `https://httpstatuses.io/${this.status}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail !== undefined && { detail: this.detail }),
      ...(this.errors !== undefined && { errors: this.errors }),
    };
  }
}

export function validationProblem(error: z.ZodError): ProblemError {
  const errors = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return new ProblemError(
    400,
    'validation_failed',
    'Some fields are not valid',
    'See `errors` for each field.',
    errors,
  );
}

/**
 * Maps any thrown value to a problem the browser may see. Vipps errors become our own wording: their titles,
 * codes and trace ids are for our logs, never for the browser (DESIGN: no Vipps internals in responses).
 */
export function problemFromError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof VippsRejectedError) {
    return new ProblemError(
      409,
      'vipps_rejected',
      'Vipps refused the operation',
      'Nothing was changed. Reload and check the payment.',
    );
  }
  if (error instanceof VippsOutcomeUnknownError || error instanceof VippsResponseError) {
    return new ProblemError(
      503,
      'vipps_outcome_unknown',
      'Vipps did not confirm the operation',
      'It may or may not have happened. It will be checked against Vipps; do not repeat it by hand.',
    );
  }
  // Bad credentials, configuration bugs and anything else from the client: the shop cannot use Vipps now.
  if (error instanceof VippsError) {
    return new ProblemError(502, 'vipps_unavailable', 'Vipps cannot be used right now', 'Try again later.');
  }
  return new ProblemError(500, 'internal_error', 'Something went wrong on our side', 'Try again in a moment.');
}

export function problemResponse(problem: ProblemError, headers?: HeadersInit): Response {
  const response = Response.json(problem.toBody(), { status: problem.status, headers });
  response.headers.set('content-type', 'application/problem+json');
  return response;
}

/** Reads a JSON body and validates it; bad JSON and invalid fields become 400 problems. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ProblemError(400, 'bad_json', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}
