import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '@/lib/server/db/core';

let image: Blob | undefined;

/**
 * A fresh in-memory PGlite database with every migration applied, started from the run's migrated image
 * (tests/support/pglite-image-setup.ts) rather than a new initdb. Each call is its own database.
 */
export function openTestPglite(): Promise<DbHandle> {
  const file = inject('pgliteImagePath');
  if (!file) return openDb({}); // run without vitest.config.mts's globalSetup: a fresh initdb, just slower
  image ??= new Blob([readFileSync(file)]);
  return openDb({ pgliteImage: image });
}
