import { z } from 'zod';
import { validationProblem } from './problem';

/** A GET handler's query string, checked like a body: invalid fields are a 400 with field errors. */
export function parseSearchParams<S extends z.core.$ZodType>(request: Request, schema: S): z.output<S> {
  const parsed = z.safeParse(schema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}
