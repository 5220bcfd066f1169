// The one way a route reads its URL: path params and query strings checked with zod, for route handlers and
// for admin pages alike. A handler answers in the problem envelope (problem.ts); a page cannot send problem
// JSON, so it shows Next's not-found page for a bad path and tells the reader about a bad query itself.
import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ProblemError, validationProblem, type FieldError } from './problem';

/** What Next passes a page as `searchParams` (once awaited). */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;
/** A handler's request (or its URL's params), or a page's `searchParams`, awaited or not. */
export type SearchParamsSource = Request | URLSearchParams | SearchParamsRecord | Promise<SearchParamsRecord>;

/** How a handler words "not found" for its resource, e.g. "We cannot find this payment". */
export interface NotFoundWording {
  title: string;
  detail?: string;
}

/**
 * A `[id]` segment naming one of our serial (int4) rows: a plain positive integer, no sign, no leading zero.
 * Anything else cannot be one of our ids, so it is not looked up at all.
 */
export const serialIdParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .refine((id) => id <= 2_147_483_647);

/**
 * The query as one value per field. The first value counts (as `URLSearchParams.get` does), and an empty or
 * blank one means "not given": an HTML GET form sends `status=` for "all statuses" and `q=` for an empty box.
 */
async function queryFields(source: SearchParamsSource): Promise<Record<string, string>> {
  const resolved = source instanceof Request ? new URL(source.url).searchParams : await source;
  const entries: Array<[string, string | string[] | undefined]> =
    resolved instanceof URLSearchParams
      ? [...resolved.keys()].map((key) => [key, resolved.get(key) ?? undefined])
      : Object.entries(resolved);
  const given: Array<[string, string]> = [];
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') given.push([key, first]);
  }
  return Object.fromEntries(given);
}

/** For route handlers: the path params, or a 404 `not_found` problem — a param we cannot parse names nothing of ours. */
export async function parseRouteParams<S extends z.ZodType>(
  params: unknown,
  schema: S,
  notFoundAs: NotFoundWording = { title: 'Not found' },
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) throw new ProblemError({ status: 404, code: 'not_found', ...notFoundAs });
  return parsed.data;
}

/** For route handlers: the query, or a 400 `validation_failed` problem naming each bad field. */
export async function parseSearchParams<S extends z.ZodType>(
  searchParams: SearchParamsSource,
  schema: S,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await queryFields(searchParams));
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}

/** For pages: the path params, or Next's not-found page (`notFound()` throws, so nothing after it runs). */
export async function parsePageParams<S extends z.ZodType>(params: unknown, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export interface PageQuery<T> {
  query: T;
  /** The fields that were not valid (empty when the query was): the page says so and shows its defaults. */
  invalid: FieldError[];
}

/**
 * For pages: a hand-edited address with a bad filter or page is not an error page, just the list as it first
 * opens plus a note naming what was wrong. The schema's defaults stand in, so every field must be optional or
 * have a default.
 */
export async function parsePageSearchParams<S extends z.ZodType>(
  searchParams: SearchParamsSource,
  schema: S,
): Promise<PageQuery<z.output<S>>> {
  const parsed = schema.safeParse(await queryFields(searchParams));
  if (parsed.success) return { query: parsed.data, invalid: [] };
  return { query: schema.parse({}), invalid: validationProblem(parsed.error).errors ?? [] };
}
