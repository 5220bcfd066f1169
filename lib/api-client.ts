// How the shop's pages talk to its own API: JSON in, JSON or application/problem+json out. Every call ends in
// one of three plain results so components never have to guess from a thrown error what happened.
import { createBrand } from './brand';
import type { PaymentStartedResponse } from '@/lib/shop-api';

export interface FieldProblem {
  path: string;
  message: string;
}

/** The error envelope of our API (lib/server/http/problem.ts), as the browser reads it. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldProblem[];
}

export type ApiResult<T> =
  | { kind: 'ok'; status: number; data: T }
  | { kind: 'problem'; problem: Problem }
  /** The request may or may not have reached the server: retry with the same Idempotency-Key. */
  | { kind: 'network' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Any non-2xx answer as a Problem, even one that is not problem+json (a proxy's HTML 502 page, say). */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: 'http_error',
    title: response.status >= 500 ? 'The shop could not finish this just now' : 'The request was refused',
  };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isRecord(body) || typeof body.title !== 'string') return fallback;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldProblem => isRecord(e) && typeof e.path === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return {
    status: typeof body.status === 'number' ? body.status : response.status,
    code: typeof body.code === 'string' ? body.code : fallback.code,
    title: body.title,
    ...(typeof body.detail === 'string' && { detail: body.detail }),
    ...(errors && { errors }),
  };
}

export async function postJson<T>(
  url: string,
  { body, headers }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { kind: 'network' };
  }
  if (!response.ok) return { kind: 'problem', problem: await readProblem(response) };
  try {
    return { kind: 'ok', status: response.status, data: (await response.json()) as T };
  } catch {
    // A 2xx whose body got lost on the way: as uncertain as a dropped connection.
    return { kind: 'network' };
  }
}

/** A 201 with a redirect URL we can follow: http(s) only, so a bad response can never run `javascript:`. */
export function isPaymentStarted(data: unknown): data is PaymentStartedResponse {
  if (!isRecord(data) || typeof data.redirectUrl !== 'string' || typeof data.reference !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(data.redirectUrl).protocol);
  } catch {
    return false;
  }
}

const API_PROBLEM_ERROR = createBrand('api-problem-error');

/** An ApiProblemError from any chunk's copy of this module (lib/brand.ts says why not instanceof). */
export const isApiProblemError = (error: unknown): error is ApiProblemError => API_PROBLEM_ERROR.isOn(error);

/** Thrown by the SWR fetcher so screens can tell "no such payment" from "cannot reach the shop". */
export class ApiProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ApiProblemError';
    API_PROBLEM_ERROR.mark(this);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new ApiProblemError(await readProblem(response));
  return (await response.json()) as T;
}
