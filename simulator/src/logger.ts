/** A tiny leveled logger writing one human-readable line per entry; the launcher (npm run dev, Playwright) adds the [vipps-sim] prefix. */
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/**
 * Makes request-controlled text safe for one log line: control characters (CR, LF, ESC…) and other non-printable
 * or non-ASCII characters become `\uXXXX`, and long values are cut. A reference such as `"x\nPOST … 200"` can then
 * not forge a second line of the request log.
 */
export function forLog(text: string, max = 120): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => console.log(line)): Logger {
  const at = (lineLevel: Exclude<LogLevel, 'silent'>) => (line: string) => {
    if (RANK[lineLevel] >= RANK[level]) write(line);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
