/**
 * zod failures as the schema-validation Problem Vipps sends (BRIEF §7): one `extraDetails` entry per field, no
 * error code. Echoed input is shortened with `preview`, so a megabyte of bad input never becomes a megabyte
 * answer (or a megabyte kept in the idempotency store).
 */
import type { z } from 'zod';
import { ProblemError, type ExtraDetail } from './problem';

/** At most `max` characters of user input for a Problem detail or a log line. */
export function preview(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

export function fieldEntries(issues: z.core.$ZodIssue[]): ExtraDetail[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const shown = preview(key, 40);
        return { name: [...issue.path, shown].join('.'), reason: `Unknown field '${shown}'.` };
      });
    }
    const name = issue.path.join('.') || '(body)';
    return [{ name, reason: `The field ${name} is invalid: ${issue.message}` }];
  });
}

/** Parses `raw` with `schema`, or throws the Problem `toProblem` makes of the issues. */
export function parseOrProblem<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  toProblem: (issues: z.core.$ZodIssue[]) => ProblemError = (issues) => ProblemError.validation(fieldEntries(issues)),
): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw toProblem(parsed.error.issues);
  return parsed.data;
}
