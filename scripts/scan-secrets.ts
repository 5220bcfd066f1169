/**
 * No secret may reach a browser or a log. `npm test` runs this twice (scripts/test-all.sh):
 *
 *   tsx scripts/scan-secrets.ts bundles [--report FILE]      after `next build`: everything under .next/static
 *                                                            plus the prerendered pages a browser is sent
 *   tsx scripts/scan-secrets.ts logs DIR [--report FILE]     after Playwright: the shop's, the simulator's and
 *                                                            Playwright's own output of the e2e run
 *
 * It looks for the configured secrets (VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY, NEXTAUTH_SECRET,
 * STAFF_PASSWORD), the demo values the repo ships, and anything shaped like an access token, raw and in the
 * escaped forms a bundle or a log line would hold. It prints what it scanned and the name of each hit, never
 * the value, and exits 1 on any hit.
 */
import { writeFileSync } from 'node:fs';
import { TOKEN_PATTERNS, filesUnder, knownSecrets, scan } from './secret-scan';

function targets(mode: string, dir: string | undefined): string[] {
  if (mode === 'bundles') {
    // The prerendered HTML/RSC payloads are sent to browsers too; the server's own JS is not.
    const prerendered = filesUnder('.next/server/app', (f) => /\.(html|rsc|body|meta)$/.test(f));
    return [...filesUnder('.next/static', () => true), ...prerendered];
  }
  if (mode === 'logs' && dir) return filesUnder(dir, () => true);
  console.error('usage: tsx scripts/scan-secrets.ts bundles | logs DIR  [--report FILE]');
  process.exit(2);
}

const [mode = '', maybeDir] = process.argv.slice(2);
const reportAt = process.argv.indexOf('--report');
const report = reportAt > 0 ? process.argv[reportAt + 1] : undefined;
const files = targets(mode, maybeDir?.startsWith('--') ? undefined : maybeDir);
const secrets = knownSecrets(process.env);
const { hits, bytes } = scan(files, secrets);

console.log(
  `secrets scan (${mode}): ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB; looked for ${secrets.length} ` +
    `secrets (${secrets.map((s) => s.name).join(', ')}) and ${TOKEN_PATTERNS.length} token shapes`,
);
for (const hit of hits) console.error(`  FOUND ${hit.what} in ${hit.file}`);
// An empty target means the build or the e2e run did not happen where we looked: that is a failure too.
const ok = files.length > 0 && hits.length === 0;
if (files.length === 0) console.error(`  nothing to scan (${mode}${maybeDir ? ` ${maybeDir}` : ''})`);
if (report) writeFileSync(report, JSON.stringify({ mode, files: files.length, bytes, hits, ok }, null, 2));
console.log(ok ? '  no secrets found' : '  FAILED');
process.exit(ok ? 0 : 1);
