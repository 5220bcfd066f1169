// Turns a captured walkthrough (capture.ts) into the markdown blocks of docs/epayment-walkthrough.md, and into
// the structural skeleton the doc test compares. Pure: no I/O.
import { STATUS_CODES } from 'node:http';
import type { RecordedMessage, RecordedStep, Walkthrough } from './capture';

/** How headers are written in the Vipps docs; HTTP itself ignores case (fetch lowercases every name). */
function displayName(name: string): string {
  if (name.includes('_') || name.startsWith('x-ms-')) return name;
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

function bodyText(message: RecordedMessage): string {
  if (message.body === null || message.body === undefined) return '';
  return typeof message.body === 'string' ? message.body : JSON.stringify(message.body, null, 2);
}

function httpBlock(startLine: string, message: RecordedMessage): string {
  const headers = Object.entries(message.headers).map(([name, value]) => `${displayName(name)}: ${value}`);
  const body = bodyText(message);
  return ['```http', startLine, ...headers, ...(body ? ['', body] : []), '```'].join('\n');
}

const SENDERS = {
  shop: 'the shop → Vipps',
  shopper: "the shopper's browser → Vipps",
  vipps: 'Vipps → the shop',
} as const;

export function renderStep(step: RecordedStep): string {
  const { request, response } = step;
  return [
    `Request (${SENDERS[step.from]}):`,
    '',
    httpBlock(`${request.method} ${request.path}`, request),
    '',
    'Response:',
    '',
    httpBlock(`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd(), response),
  ].join('\n');
}

const markerOf = (id: string) => ({ open: `<!-- exchange:${id} -->`, close: `<!-- /exchange:${id} -->` });

/** The block between a step's markers, as the doc holds it (undefined when the markers are missing). */
export function blockIn(markdown: string, id: string): string | undefined {
  const { open, close } = markerOf(id);
  const start = markdown.indexOf(open);
  const end = markdown.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start + open.length, end).trim();
}

/** Every `<!-- exchange:ID -->` marker in the doc. */
export function markerIds(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- exchange:([a-z-]+) -->/g)].map((m) => m[1]!);
}

/** Replaces the content between each step's markers; every step must have its markers in the doc. */
export function fillMarkers(markdown: string, walkthrough: Walkthrough): string {
  let out = markdown;
  for (const step of walkthrough.steps) {
    const { open, close } = markerOf(step.id);
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/epayment-walkthrough.md has no markers for step ${step.id}`);
    out = `${out.slice(0, start + open.length)}\n\n${renderStep(step)}\n\n${out.slice(end)}`;
  }
  return out;
}

/** A value's shape: keys and types, no values (which change on every run: ids, timestamps, tokens). */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/** What must stay the same between the recorded walkthrough and a fresh run of the code. */
export function skeleton(walkthrough: Walkthrough) {
  const general = (path: string) => path.split(walkthrough.reference).join('{reference}');
  return {
    steps: walkthrough.steps.map((step) => ({
      id: step.id,
      from: step.from,
      method: step.request.method,
      path: general(step.request.path),
      status: step.response.status,
      requestHeaders: Object.keys(step.request.headers).sort(),
      responseHeaders: Object.keys(step.response.headers).sort(),
      requestBody: shapeOf(step.request.body),
      responseBody: shapeOf(step.response.body),
    })),
    webhookEventsReceived: walkthrough.webhookEventsReceived,
    webhookVerified: walkthrough.webhookVerified,
  };
}
