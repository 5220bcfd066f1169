import 'server-only';
import { parseEnv, type Env } from './schema';

export type { Env } from './schema';

let cached: Env | undefined;

/** The validated configuration, parsed once per process; throws EnvError listing every bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
