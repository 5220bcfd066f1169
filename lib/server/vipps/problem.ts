// Turns an error response (any status) into the fields our errors carry. Vipps error bodies come in three
// shapes (BRIEF §7): RFC 7807 Problem (ePayment, Webhooks `ProblemDetails`), Azure API Management
// `{statusCode, message}` for 401/403/429, and Azure-AD style `{error, error_description, trace_id}` from the
// token endpoint (BRIEF §2). None of them is guaranteed, so everything here is optional and never throws.
import { z } from 'zod';
import type { AssertAssignable } from './response-schemas';
import type { Problem, WebhookProblemDetails } from './types';

const extraDetailSchema = z.looseObject({ name: z.string(), reason: z.string() });

export const problemBodySchema = z.looseObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: z.number().nullish(),
  detail: z.string().nullish(),
  instance: z.string().nullish(),
  traceId: z.string().nullish(),
  extraDetails: z.array(z.unknown()).nullish(),
  // APIM and token-endpoint shapes.
  message: z.string().nullish(),
  error: z.string().nullish(),
  error_description: z.string().nullish(),
  trace_id: z.string().nullish(),
});
// Both Problem flavours in the specs must parse with this schema.
type _AcceptsEPaymentProblem = AssertAssignable<Problem, z.input<typeof problemBodySchema>>;
type _AcceptsWebhooksProblem = AssertAssignable<WebhookProblemDetails, z.input<typeof problemBodySchema>>;

export interface ProblemSummary {
  code?: string;
  title?: string;
  detail?: string;
  traceId?: string;
}

/**
 * Headers that may carry a trace id when the body has none. Vipps puts a W3C trace id in the body's
 * `traceId`; APIM and proxies use these headers [inferred].
 */
const TRACE_HEADERS = ['traceparent', 'x-trace-id', 'request-id', 'x-request-id', 'x-ms-request-id'] as const;

export function traceIdFromHeaders(headers: Headers): string | undefined {
  for (const name of TRACE_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Reads code, title, detail and trace id from an error body; unknown shapes yield only header data. */
export function summarizeProblem(bodyText: string, headers: Headers): ProblemSummary {
  const body = problemBodySchema.safeParse(safeJsonParse(bodyText));
  const headerTraceId = traceIdFromHeaders(headers);
  if (!body.success) return { traceId: headerTraceId };
  const p = body.data;
  return {
    code: errorCodeFrom(p.extraDetails),
    title: p.title ?? p.error ?? undefined,
    detail: p.detail ?? p.message ?? p.error_description ?? undefined,
    traceId: p.traceId ?? p.trace_id ?? headerTraceId,
  };
}

/** The business code sits in `extraDetails: [{name: 'ErrorCode', reason: '6090'}]` (BRIEF §7). */
function errorCodeFrom(extraDetails: unknown[] | null | undefined): string | undefined {
  for (const item of extraDetails ?? []) {
    const parsed = extraDetailSchema.safeParse(item);
    if (parsed.success && parsed.data.name === 'ErrorCode') return parsed.data.reason;
  }
  return undefined;
}

export function safeJsonParse(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
