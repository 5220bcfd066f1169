// First-load JS per App Router page, from the build itself. Next 16 (Turbopack) no longer prints sizes after
// `next build`, so this reads what it writes instead:
// - `.next/build-manifest.json` `rootMainFiles`: the runtime and framework chunks every page loads;
// - `.next/server/app/<route>/page_client-reference-manifest.js` `entryJSFiles`: the chunks of the route's
//   layouts, page, not-found and error boundaries (what the HTML's async <script> tags name).
// Sizes are gzip level 9 of each file, summed over the distinct files: the figure Next used to print.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface PageJs {
  route: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();

/** Raw and gzip (level 9) size of one file under `.next/` (`static/chunks/….js`). */
export function fileSize(nextDir: string, file: string): { raw: number; gzip: number } {
  const key = path.join(nextDir, file);
  let size = sizeCache.get(key);
  if (!size) {
    const bytes = readFileSync(key);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(key, size);
  }
  return size;
}

export function sumSizes(nextDir: string, files: Iterable<string>) {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of new Set(files)) {
    const size = fileSize(nextDir, file);
    rawBytes += size.raw;
    gzipBytes += size.gzip;
  }
  return { rawBytes, gzipBytes };
}

/** What every page loads before any of its own code: React, Next.js and the Turbopack runtime. */
export function frameworkJs(nextDir = '.next') {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  return { files: rootMainFiles, ...sumSizes(nextDir, rootMainFiles) };
}

/** Every page of the build (not route handlers, not Next's own _global-error/_not-found), sorted by route. */
export function firstLoadJsPerPage(nextDir = '.next'): PageJs[] {
  const read = (file: string) => readFileSync(path.join(nextDir, file), 'utf8');
  const { rootMainFiles } = JSON.parse(read('build-manifest.json')) as { rootMainFiles: string[] };
  const routes = JSON.parse(read('app-path-routes-manifest.json')) as Record<string, string>;
  const pages: PageJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || entry.startsWith('/_')) continue;
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    vm.createContext(sandbox);
    vm.runInContext(read(`server/app${entry}_client-reference-manifest.js`), sandbox);
    const manifest = sandbox.__RSC_MANIFEST?.[entry];
    if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for ${entry}: has the manifest format changed?`);
    const files = [...new Set([...rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])].sort();
    pages.push({ route, files, ...sumSizes(nextDir, files) });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** The `.js` files a page's HTML loads with <script src> (nomodule polyfills left out), as `static/…` paths. */
export function scriptsInHtml(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    if (/\bnomodule\b/i.test(tag)) continue;
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    const file = src && /\/_next\/(static\/[^"?#]+\.js)/.exec(src)?.[1];
    if (file) files.add(file);
  }
  return [...files].sort();
}
