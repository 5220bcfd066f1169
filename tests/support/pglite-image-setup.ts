// Vitest globalSetup: one migrated PGlite database, dumped once per run, that every test file's in-memory
// database starts from. A fresh initdb costs about 2.4 s of CPU in WASM, loading this image about 0.4 s; with
// dozens of test databases per run that was the largest single cost of `npm test`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../lib/server/db/core';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImagePath: string;
  }
}

export default async function setup(project: TestProject) {
  const handle = await openDb({});
  const image = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await handle.close();
  const folder = mkdtempSync(path.join(tmpdir(), 'shop-pglite-image-'));
  const file = path.join(folder, 'migrated.tar');
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImagePath', file);
  return () => rmSync(folder, { recursive: true, force: true });
}
