import { vi } from 'vitest';

/**
 * `vi.waitFor` with a budget that survives a loaded 2-core CI machine running test files in parallel (the
 * default of 1 s does not). Polls often, so a passing check still returns quickly.
 */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}
