// The simulator is its own package (docs/decisions/0011): no import circles inside it (context.ts ↔ http/ was
// one), and no imports from the shop (`lib/`, `app/`, `components/`, `@/…`). Reads the import statements of
// every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const files = sourceFiles(SRC);
const specifiers = (file: string) => [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? '');
const graph = new Map(
  files.map((file) => [
    file,
    specifiers(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s))
      .map((target) => (files.includes(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'))),
  ]),
);

function findCycle(): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'visiting') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('simulator module graph', () => {
  it('has no import circles', () => {
    expect(findCycle()?.map((f) => relative(SRC, f))).toBeUndefined();
  });

  it('never imports the shop', () => {
    const outside = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => s.startsWith('@/') || (s.startsWith('.') && !resolve(dirname(file), s).startsWith(SRC)))
        .map((s) => `${relative(SRC, file)} → ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
