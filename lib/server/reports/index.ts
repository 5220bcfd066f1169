// Read-only reports for staff: CSV exports (and, with the dashboard, its figures). Nothing here moves money.
import 'server-only';
import { getDb } from '../db';
import { ProblemError, validationProblem } from '../http/problem';
import { operationsCsv, ordersCsv } from './csv-exports';
import { dateRangeSchema } from './date-range';

export const EXPORT_KINDS = { orders: ordersCsv, operations: operationsCsv } as const;

/** The CSV for `GET /api/admin/exports/{kind}?from=…&to=…`, with its download file name. */
export async function exportCsv(kind: string, query: URLSearchParams): Promise<{ filename: string; body: string }> {
  if (!Object.hasOwn(EXPORT_KINDS, kind)) {
    throw new ProblemError({
      status: 404,
      code: 'not_found',
      title: 'No such export',
      detail: 'Use orders or operations.',
    });
  }
  const parsed = dateRangeSchema.safeParse({ from: query.get('from'), to: query.get('to') });
  if (!parsed.success) throw validationProblem(parsed.error);
  const range = parsed.data;
  const body = await EXPORT_KINDS[kind as keyof typeof EXPORT_KINDS](await getDb(), range);
  return { filename: `fjellbutikken-${kind}-${range.from}-to-${range.to}.csv`, body };
}
