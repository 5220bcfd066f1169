import type { z } from 'zod';
import { validationProblem } from './problem';

/** A GET handler's query string, checked like a body: invalid fields are a 400 with field errors. */
export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}
