// The one error envelope of our own API: RFC 7807 `application/problem+json` with a stable `code` that
// browsers and tests branch on, a human `title`/`detail`, and field errors for validation (DESIGN "Errors").
// Pure (no server-only) so the mapping is unit-testable.
import type { z } from 'zod';
import {
  VippsAuthError,
  VippsConfigError,
  VippsError,
  VippsNotPerformedError,
  VippsOutcomeUnknownError,
  VippsRejectedError,
  VippsResponseError,
} from '../vipps/errors';

export type ProblemCode =
  | 'bad_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_attempts'
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

export interface ProblemInit {
  status: number;
  code: ProblemCode;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** Response headers that belong to this answer, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
  /** Logged, never sent. */
  cause?: unknown;
}

/** Throw from lib or route code; `problemFromError` turns it into the response as is. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor({ status, code, title, detail, errors, headers, cause }: ProblemInit) {
    super(detail ? `${title}: ${detail}` : title, { cause });
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
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
  return new ProblemError({
    status: 400,
    code: 'validation_failed',
    title: 'Some fields are not valid',
    detail: 'Check the fields marked in red.',
    errors,
  });
}

type ErrorClass = abstract new (...args: never[]) => Error;
type PublicProblem = Omit<ProblemInit, 'cause'>;

const INTERNAL: PublicProblem = {
  status: 500,
  code: 'internal_error',
  title: 'Something went wrong on our side',
  detail: 'Try again in a moment.',
};

/**
 * Every thrown error the browser may meet, mapped to what it is told — first match wins, so subclasses come
 * before their parents. Vipps errors become our own wording: their titles, codes and trace ids are for our
 * logs, never for the browser (DESIGN: no Vipps internals in responses).
 */
export const ERROR_PROBLEMS: readonly (readonly [ErrorClass, PublicProblem])[] = [
  // Our own bug or configuration (a bad key, a non-integer amount): nothing was sent; not Vipps' fault.
  [VippsConfigError, INTERNAL],
  [
    VippsRejectedError,
    {
      status: 409,
      code: 'vipps_rejected',
      title: 'Vipps refused the operation',
      detail: 'Nothing was changed. Reload and check the payment.',
    },
  ],
  ...[VippsOutcomeUnknownError, VippsResponseError].map(
    (errorClass) =>
      [
        errorClass,
        {
          status: 503,
          code: 'vipps_outcome_unknown',
          title: 'Vipps did not confirm the operation',
          detail: 'It may or may not have happened. It will be checked against Vipps; do not repeat it by hand.',
        },
      ] as const,
  ),
  // Rate limited or no token before anything was sent: definitely not done, safe to try again.
  [
    VippsNotPerformedError,
    {
      status: 503,
      code: 'vipps_unavailable',
      title: 'Vipps is busy right now',
      detail: 'Nothing was changed. Try again in a moment.',
    },
  ],
  // Wrong credentials, Vipps refusing to serve us, or a call that was never sent: nothing happened.
  [
    VippsAuthError,
    { status: 502, code: 'vipps_unavailable', title: 'Vipps cannot be used right now', detail: 'Try again later.' },
  ],
  [
    VippsError,
    {
      status: 503,
      code: 'vipps_unavailable',
      title: 'Vipps cannot be used right now',
      detail: 'Nothing was changed. Try again in a moment.',
    },
  ],
];

/** Maps any thrown value to a problem the browser may see (the original stays as `cause`, for the log). */
export function problemFromError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const match = ERROR_PROBLEMS.find(([errorClass]) => error instanceof errorClass);
  return new ProblemError({ ...(match?.[1] ?? INTERNAL), cause: error });
}

export function problemResponse(problem: ProblemError, headers?: HeadersInit): Response {
  const response = Response.json(problem.toBody(), { status: problem.status, headers });
  for (const [name, value] of Object.entries(problem.headers ?? {})) response.headers.set(name, value);
  response.headers.set('content-type', 'application/problem+json');
  return response;
}

/** Our JSON bodies are small (a cart, an amount and a note); anything bigger is refused unread. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
  new ProblemError({ status: 413, code: 'payload_too_large', title: 'The request body is too large' });

/** Reads a JSON body and validates it; bad JSON and invalid fields become 400 problems, huge bodies 413. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  let body: unknown;
  try {
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw tooLarge();
    body = JSON.parse(text);
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError({ status: 400, code: 'bad_json', title: 'The request body is not valid JSON' });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}
