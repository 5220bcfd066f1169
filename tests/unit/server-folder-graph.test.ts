// The folders of lib/server import each other in one direction only (ADR 0024): a loop between two folders means
// neither can be understood, tested or changed without the other, and the last one (orders ⇄ webhooks ⇄ api-log
// through the background start) hid infrastructure inside the money module. This reads every .ts file under
// lib/server, builds the folder → folder graph from its imports, and names the loop if there is one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SERVER = path.join(process.cwd(), 'lib/server');
const ALIAS = '@/lib/server/';

type Graph = Map<string, Map<string, string[]>>;

function serverFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** A folder is the first path segment under lib/server; a top-level file (log.ts) is a node of its own. */
const nodeOf = (pathInServer: string) => pathInServer.split('/')[0]!.replace(/\.ts$/, '');

/** Where an import lands, as a path below lib/server, or undefined for anything outside it. */
function targetInServer(file: string, specifier: string): string | undefined {
  if (specifier.startsWith(ALIAS)) return specifier.slice(ALIAS.length);
  if (!specifier.startsWith('.')) return undefined;
  const relative = path
    .relative(SERVER, path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
  return relative.startsWith('..') || relative === '' ? undefined : relative;
}

/** Static imports, re-exports, side-effect and dynamic imports, type-only ones too; comments are not imports. */
function buildGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of serverFiles(SERVER)) {
    const from = nodeOf(path.relative(SERVER, file).split(path.sep).join('/'));
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const target = targetInServer(file, specifier);
      if (target === undefined || nodeOf(target) === from) continue;
      const evidence = edges.get(nodeOf(target)) ?? [];
      evidence.push(`${path.relative(process.cwd(), file)} imports '${specifier}'`);
      edges.set(nodeOf(target), evidence);
    }
  }
  return graph;
}

/** The first loop a depth-first walk meets, as [a, b, …, a], or undefined when the graph has none. */
function findCycle(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const open = onPath.indexOf(node);
    if (open >= 0) return [...onPath.slice(open), node];
    if (done.has(node)) return undefined;
    onPath.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(node);
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

function describeCycle(graph: Graph, cycle: string[]): string {
  const steps = cycle.slice(1).map((to, i) => {
    const from = cycle[i]!;
    return `  ${from} → ${to}: ${(graph.get(from)?.get(to) ?? []).join('; ')}`;
  });
  return [`lib/server has a folder loop: ${cycle.join(' → ')}`, ...steps].join('\n');
}

describe('lib/server folder graph', () => {
  const graph = buildGraph();

  it('sees the imports it is meant to check (relative, alias and top-level files)', () => {
    // Without these the check below could pass on a graph it failed to read.
    expect(graph.get('orders')?.has('db')).toBe(true);
    expect(graph.get('log')?.has('env')).toBe(true);
    expect(graph.get('api-log')?.has('log')).toBe(true);
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['boot', 'runtime', 'orders', 'webhooks', 'api-log']));
  });

  it('finds a loop when there is one, at any length', () => {
    const edges = (...to: string[]) => new Map(to.map((t) => [t, []]));
    expect(
      findCycle(
        new Map([
          ['a', edges('b')],
          ['b', edges()],
        ]),
      ),
    ).toBeUndefined();
    expect(
      findCycle(
        new Map([
          ['a', edges('b')],
          ['b', edges('a')],
        ]),
      ),
    ).toEqual(['a', 'b', 'a']);
    const longLoop = new Map([
      ['a', edges('b')],
      ['b', edges('c')],
      ['c', edges('d')],
      ['d', edges('b')],
    ]);
    expect(findCycle(longLoop)).toEqual(['b', 'c', 'd', 'b']);
  });

  it('has no loop between folders', () => {
    const cycle = findCycle(graph);
    expect(cycle, cycle && describeCycle(graph, cycle)).toBeUndefined();
  });

  it('lets only instrumentation.ts reach boot/: no folder of lib/server imports it', () => {
    const importers = [...graph].filter(([, edges]) => edges.has('boot')).map(([from]) => from);
    expect(importers).toEqual([]);
  });
});
