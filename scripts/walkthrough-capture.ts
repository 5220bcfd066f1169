/**
 * Regenerates the recorded exchanges of docs/epayment-walkthrough.md:
 *
 *   npm run docs:walkthrough      (= tsx scripts/walkthrough-capture.ts)
 *
 * Runs the quick start against an in-process simulator with the shop's own Vipps client (scripts/walkthrough/
 * capture.ts), writes docs/walkthrough-exchanges.json and fills the blocks between the doc's
 * `<!-- exchange:ID -->` markers. The prose around the markers is left alone. Both files are written through
 * Prettier, so `prettier --check .` stays clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { captureWalkthrough } from './walkthrough/capture';
import { fillMarkers } from './walkthrough/render';

const DOC_PATH = 'docs/epayment-walkthrough.md';
const EXCHANGES_PATH = 'docs/walkthrough-exchanges.json';

async function pretty(path: string, text: string): Promise<string> {
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

async function main() {
  const walkthrough = await captureWalkthrough();
  writeFileSync(EXCHANGES_PATH, await pretty(EXCHANGES_PATH, JSON.stringify(walkthrough, null, 2)));
  writeFileSync(DOC_PATH, await pretty(DOC_PATH, fillMarkers(readFileSync(DOC_PATH, 'utf8'), walkthrough)));
  console.log(
    `walkthrough: ${walkthrough.steps.length} exchanges recorded in ${EXCHANGES_PATH} and ${DOC_PATH} ` +
      `(webhooks received: ${walkthrough.webhookEventsReceived.join(', ')}; ` +
      `signature verified: ${walkthrough.webhookVerified})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
