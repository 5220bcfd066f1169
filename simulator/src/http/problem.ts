/**
 * RFC 7807 Problems the way Vipps sends them (BRIEF §7): `application/problem+json` with `type`, `title`,
 * `detail`, `status`, `traceId`, `instance`, and the business error code in `extraDetails`
 * (`[{ name: 'ErrorCode', reason: '6080' }]`). Schema-validation 400s carry one entry per field instead.
 */
import { newTraceId } from '../ids';
import type { ErrorCode } from '../epayment/error-codes';
import { ERROR_TITLES } from '../epayment/error-codes';

export interface ExtraDetail {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  detail?: string;
  status: number;
  traceId: string;
  instance: string;
  extraDetails?: ExtraDetail[];
}

/** A complete answer, kept as data so idempotent replays can send exactly the same status and body. */
export interface SimResponse {
  status: number;
  body: unknown;
  contentType: 'application/json' | 'application/problem+json' | null;
  headers?: Record<string, string>;
}

/** Thrown anywhere inside a request; the route turns it into a Problem response with the request path. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extraDetails?: ExtraDetail[],
  ) {
    super(`${status} ${title}: ${detail}`);
  }

  /** A business rule failure with its Vipps error code; the title comes from the code table of BRIEF §7. */
  static coded(status: number, code: ErrorCode, detail: string, title: string = ERROR_TITLES[code]): ProblemError {
    return new ProblemError(status, title, detail, [{ name: 'ErrorCode', reason: code }]);
  }

  /** A schema-validation failure: one extraDetails entry per offending field, no error code. */
  static validation(fields: ExtraDetail[], detail = 'One or more validation errors occurred.'): ProblemError {
    return new ProblemError(400, 'Bad Request', detail, fields);
  }

  toResponse(instance: string): SimResponse {
    return problemResponse(instance, this.status, this.title, this.detail, this.extraDetails);
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The reason phrase used as a Problem `title` when no business code gives a better one. */
export const statusTitle = (status: number): string => STATUS_TITLES[status] ?? 'Error';

/**
 * The one Problem builder of the simulator (ePayment `Problem`, Webhooks `ProblemDetails`: the same fields).
 * `extraDetails` is left out when empty; both specs allow that.
 */
export function problemResponse(
  instance: string,
  status: number,
  title: string,
  detail: string,
  extraDetails?: ExtraDetail[],
): SimResponse {
  const body: Problem = {
    type: `https://httpstatuses.io/${status}`,
    title,
    detail,
    status,
    traceId: newTraceId(),
    instance,
    ...(extraDetails && extraDetails.length > 0 && { extraDetails }),
  };
  return { status, body, contentType: 'application/problem+json' };
}

/** Converts a SimResponse into a fetch Response (empty body when contentType is null, e.g. force approve). */
export function sendSimResponse(response: SimResponse): Response {
  const headers = new Headers(response.headers);
  if (response.contentType === null) return new Response(null, { status: response.status, headers });
  headers.set('Content-Type', `${response.contentType}; charset=utf-8`);
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
