// Webhooks API errors are RFC 7807 `ProblemDetails` (webhooks-api.swagger.yaml; BRIEF §7):
// {type, title, status, detail, instance, traceId, extraDetails[{name, reason}]}, additionalProperties false.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';

export interface ExtraDetail {
  name: string;
  reason: string;
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

/** W3C trace-context style id, as Vipps returns (`00-<32 hex>-<16 hex>-00`). */
export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export function problem(
  c: Context,
  status: 400 | 403 | 404,
  detail: string,
  extraDetails: ExtraDetail[] | null = null,
): Response {
  const body = {
    type: `https://httpstatuses.io/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
    traceId: traceId(),
    extraDetails,
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}
