// Read-only reports for staff: CSV exports (and, with the dashboard, its figures). Nothing here moves money.
import 'server-only';
import { z } from 'zod';
import { getDb } from '../db';
import { operationsCsv, ordersCsv, type ExportOptions } from './csv-exports';
import type { DateRange } from './date-range';

export const EXPORT_KINDS = { orders: ordersCsv, operations: operationsCsv } as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

/** The `{kind}` of `GET /api/admin/exports/{kind}` (lib/server/http/route-input.ts reads it). */
export const exportKindParams = z.object({ kind: z.enum(['orders', 'operations'] satisfies ExportKind[]) });
export const NO_SUCH_EXPORT = { title: 'No such export', detail: 'Use orders or operations.' };

/** The CSV for `GET /api/admin/exports/{kind}?from=…&to=…`, with its download file name. */
export async function exportCsv(
  kind: ExportKind,
  range: DateRange,
  options: ExportOptions = {},
): Promise<{ filename: string; body: string }> {
  const body = await EXPORT_KINDS[kind](await getDb(), range, options);
  return { filename: `fjellbutikken-${kind}-${range.from}-to-${range.to}.csv`, body };
}
