import { isEnvError, parseEnv } from './schema';

try {
  parseEnv(process.env);
} catch (error) {
  if (!isEnvError(error)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
