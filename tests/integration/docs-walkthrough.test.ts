// docs/epayment-walkthrough.md must stay true: its recorded exchanges are what the code does
// today (same steps, methods, paths, statuses, headers and body shapes as a fresh run against the simulator), its
// blocks are exactly what `npm run docs:walkthrough` renders, no secret or token is in it, and every file (and
// function) it points at exists. A failure here means: run `npm run docs:walkthrough` and reread the prose.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { TOKEN_PATTERNS, knownSecrets, variants } from '@/scripts/secret-scan';
import { captureWalkthrough, type Walkthrough } from '@/scripts/walkthrough/capture';
import { blockIn, markerIds, renderStep, skeleton } from '@/scripts/walkthrough/render';

const DOC = 'docs/epayment-walkthrough.md';
const EXCHANGES = 'docs/walkthrough-exchanges.json';
const REGENERATE = 'run `npm run docs:walkthrough` and check the prose of docs/epayment-walkthrough.md';

const doc = readFileSync(DOC, 'utf8');
const recordedText = readFileSync(EXCHANGES, 'utf8');
const recorded = JSON.parse(recordedText) as Walkthrough;

describe('docs/epayment-walkthrough.md', () => {
  let fresh: Walkthrough;
  beforeAll(async () => {
    fresh = await captureWalkthrough();
  });

  it('records what the code does today (steps, methods, paths, statuses, headers, body shapes)', () => {
    expect(skeleton(recorded), REGENERATE).toEqual(skeleton(fresh));
    expect(fresh.webhookVerified, 'the recorded delivery verifies with verifyWebhook').toBe(true);
  });

  it('shows exactly the recorded exchanges, one marked block per step', () => {
    expect(markerIds(doc).sort(), REGENERATE).toEqual(recorded.steps.map((s) => s.id).sort());
    for (const step of recorded.steps)
      expect(blockIn(doc, step.id), `${step.id}: ${REGENERATE}`).toBe(renderStep(step));
  });

  it('holds no secret or token', () => {
    for (const [name, text] of [
      [DOC, doc],
      [EXCHANGES, recordedText],
    ] as const) {
      for (const secret of [
        ...knownSecrets(process.env),
        { name: 'simulator client_id', value: SIMULATOR_CREDENTIALS.clientId },
      ]) {
        for (const form of variants(secret.value)) expect(text.includes(form), `${secret.name} in ${name}`).toBe(false);
      }
      for (const [what, pattern] of TOKEN_PATTERNS) expect(pattern.test(text), `${what} in ${name}`).toBe(false);
      // A webhook secret is 64 random bytes in base64 (88 characters); signatures and hashes are 44.
      expect(/[A-Za-z0-9+/]{80,}={0,2}/.test(text), `a long base64 value (webhook secret?) in ${name}`).toBe(false);
      // Credentials and tokens appear only as [redacted].
      for (const [, header, value] of [
        ...text.matchAll(/^(client_id|client_secret|Ocp-Apim-Subscription-Key): (.*)$/gm),
      ]) {
        expect(value, `${header} in ${name}`).toBe('[redacted]');
      }
      for (const [, value] of text.matchAll(/^Authorization: Bearer (.*)$/gm)) expect(value).toBe('[redacted]');
      for (const [, value] of text.matchAll(/"(?:access_token|secret)": "([^"]*)"/g)) expect(value).toBe('[redacted]');
    }
    // And the fresh run's own secrets (this run's token, webhook secret) never reach its records either.
    expect(JSON.stringify(fresh)).not.toMatch(TOKEN_PATTERNS[0]![1]);
  });

  it('points only at files and functions that exist', () => {
    // Code references are written `path#symbol`; links are [text](path#anchor).
    const codeRefs = [
      ...doc.matchAll(/`((?:app|lib|components|scripts|simulator|tests|docs)\/[^`#\s]+)(?:#([\w.]+))?`/g),
    ];
    expect(codeRefs.length).toBeGreaterThan(20);
    for (const [, file, symbol] of codeRefs) {
      expect(existsSync(file!), `${file} exists`).toBe(true);
      if (symbol) {
        const source = readFileSync(file!, 'utf8');
        for (const part of symbol.split('.')) {
          expect(new RegExp(`\\b${part}\\b`).test(source), `${part} is in ${file}`).toBe(true);
        }
      }
    }
    const links = [...doc.matchAll(/\]\(((?!https?:)[^)#\s]+)(?:#([\w-]+))?\)/g)];
    expect(links.length).toBeGreaterThan(3);
    for (const [, target, anchor] of links) {
      const file = new URL(target!, `file:///root/${DOC}`).pathname.replace(/^\/root\//, '');
      expect(existsSync(file), `link target ${file} exists`).toBe(true);
      if (anchor && file.endsWith('.md')) {
        const slugs = [...readFileSync(file, 'utf8').matchAll(/^#+ (.*)$/gm)].map(([, title]) =>
          title!
            .toLowerCase()
            .replace(/[^\p{L}\p{N} -]/gu, '')
            .replace(/ /g, '-'),
        );
        expect(slugs, `heading #${anchor} in ${file}`).toContain(anchor);
      }
    }
  });
});
