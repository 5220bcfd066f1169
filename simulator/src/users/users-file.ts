/** `SIM_USERS_FILE`: reads and validates the JSON file of test users, collecting readable problems. */
import { readFileSync } from 'node:fs';
import { usersFileSchema, type TestUserInput } from './test-user';

export type UsersFileResult = { ok: true; users: TestUserInput[] } | { ok: false; problems: string[] };

export function readUsersFile(path: string): UsersFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problems: [`cannot read the file (${code})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`is not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) {
    // `[0].email: must be an e-mail address`: where in the file, then what is wrong.
    const where = (path: PropertyKey[]) =>
      path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${where(issue.path) || '(the file)'}: ${issue.message}`),
    };
  }
  return { ok: true, users: parsed.data };
}
