// A comment must carry its own reason: what would go wrong, what Vipps or the spec requires, what was measured.
// A bare issue number sends the reader to a tracker they may not have, and says nothing once the issue is closed.
// This scans the comments and string literals (test and describe titles are strings) of every source tree and
// root config file, and names each file:line that cites an issue by number. ADRs (docs/decisions) are not
// scanned: their Context may tell which request they answered. node_modules and .next are never read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SOURCE_TREES = ['app', 'components', 'lib', 'e2e', 'tests', 'simulator', 'bench', 'scripts', 'types'];
const NEVER_SCANNED = new Set(['node_modules', '.next', '.data', 'test-results', 'playwright-report']);
const SCRIPT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SHELL = /\.sh$/;
/** No comments of their own: every character is read (JSON strings, CSS comments). */
const PLAIN = /\.(json|css)$/;
const CITATION = /\b[Ii]ssue\s+\d+/;

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    if (NEVER_SCANNED.has(name)) return [];
    const relative = path.posix.join(folder, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return filesUnder(relative);
    return SCRIPT.test(name) || SHELL.test(name) || PLAIN.test(name) ? [relative] : [];
  });
}

const THIS_FILE = 'tests/unit/no-issue-citations.test.ts'; // its own samples cite issues on purpose
const rootFiles = readdirSync(ROOT).filter(
  (name) => (SCRIPT.test(name) || PLAIN.test(name)) && name !== 'package-lock.json' && statSync(name).isFile(),
);
const scanned = [...SOURCE_TREES.flatMap(filesUnder), ...rootFiles, '.ci/run'].filter((file) => file !== THIS_FILE);

/** Comment and string-literal spans of a script, found by the TypeScript parser (so `'//'` in code is no comment). */
function scriptTextSpans(file: string, text: string): Array<[number, number]> {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const spans = new Map<number, number>();
  const addComments = (at: number) => {
    ts.forEachLeadingCommentRange(text, at, (pos, end) => void spans.set(pos, end));
    ts.forEachTrailingCommentRange(text, at, (pos, end) => void spans.set(pos, end));
  };
  const visit = (node: ts.Node) => {
    addComments(node.pos);
    addComments(node.end);
    // `{/* … */}` in JSX: the comment is all the expression holds, so no child node starts at it.
    if (ts.isJsxExpression(node)) addComments(node.getStart(source) + 1);
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) spans.set(node.getStart(source), node.end);
    if (ts.isTemplateExpression(node)) spans.set(node.getStart(source), node.end);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...spans].sort(([a], [b]) => a - b);
}

/** `#` comments of a shell script: from a `#` at a line's start or after a blank to the end of that line. */
function shellCommentSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/(^|\s)(#.*)$/gm)].map((m) => [m.index + (m[1] ?? '').length, m.index + m[0].length]);
}

function citationsIn(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  if (!CITATION.test(text)) return []; // most files: no need to parse them
  const spans: Array<[number, number]> = PLAIN.test(file)
    ? [[0, text.length]]
    : SHELL.test(file) || file === '.ci/run'
      ? shellCommentSpans(text)
      : scriptTextSpans(file, text);
  const lines = new Set<number>();
  for (const [start, end] of spans) {
    const span = text.slice(start, end);
    for (const match of span.matchAll(new RegExp(CITATION, 'g'))) {
      lines.add(text.slice(0, start + match.index).split('\n').length);
    }
  }
  return [...lines].sort((a, b) => a - b).map((line) => `${file}:${line}`);
}

describe('comments say the reason, not an issue number', () => {
  it('scans every source tree and the root config files', () => {
    expect(scanned).toEqual(expect.arrayContaining(['next.config.mjs', 'lib/server/orders/status.ts', '.ci/run']));
    expect(scanned.some((file) => file.includes('node_modules') || file.startsWith('.next/'))).toBe(false);
    expect(scanned.length).toBeGreaterThan(300);
  });

  it('finds a citation in a line comment, a block comment, a test title and a JSX comment', () => {
    const cited = (file: string, sample: string) =>
      scriptTextSpans(file, sample)
        .map(([start, end]) => sample.slice(start, end))
        .filter((span) => CITATION.test(span));
    const script = "// issue 3 point 1: why\nit('works (Issue 12)', () => {}); /* issue 4 */\nconst x = 1; // fine\n";
    expect(cited('sample.ts', script)).toEqual(['// issue 3 point 1: why', "'works (Issue 12)'", '/* issue 4 */']);
    const page = 'export const P = () => (\n  <div>\n    {/* issue 5 */}\n  </div>\n);\n';
    expect(cited('sample.tsx', page)).toEqual(['/* issue 5 */']);
  });

  it('no comment or title cites an issue of this project by number', () => {
    expect(scanned.flatMap(citationsIn)).toEqual([]);
  });
});
