// Validation of `RegisterRequest` (webhooks-api.swagger.yaml): {url (uri, required), events
// (string[], required)}, additionalProperties false. Errors become ProblemDetails.extraDetails.
import type { ExtraDetail } from '../http/problem';
import { preview } from '../http/zod-problem';
import { KNOWN_EVENT_TYPES } from './events';

export type RegisterValidation = { ok: true; url: string; events: string[] } | { ok: false; details: ExtraDetail[] };

const REQUIRED = 'The property is required and cannot be null or empty.'; // the swagger's ExtraDetail example

export function validateRegisterRequest(body: unknown): RegisterValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, details: [{ name: '(body)', reason: 'The request body must be a JSON object.' }] };
  }
  const details: ExtraDetail[] = [];
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'url' && key !== 'events') {
      const shown = preview(key, 40);
      details.push({ name: shown, reason: `Could not find member '${shown}' on object of type 'RegisterRequest'.` });
    }
  }
  const url = checkUrl(record.url, details);
  const events = checkEvents(record.events, details);
  if (details.length > 0 || url === undefined || events === undefined) return { ok: false, details };
  return { ok: true, url, events };
}

/**
 * Vipps requires HTTPS (swagger). The simulator also accepts http, because local shops run on
 * http://localhost; that is a simulator convenience, not Vipps behaviour.
 */
function checkUrl(value: unknown, details: ExtraDetail[]): string | undefined {
  if (value === undefined || value === null || value === '') {
    details.push({ name: 'url', reason: REQUIRED });
    return undefined;
  }
  if (typeof value !== 'string') {
    details.push({ name: 'url', reason: 'The url must be a string.' });
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    details.push({ name: 'url', reason: 'The url must be an absolute URL.' });
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.host === '') {
    details.push({ name: 'url', reason: 'The url must use https (the simulator also accepts http).' });
    return undefined;
  }
  return value;
}

function checkEvents(value: unknown, details: ExtraDetail[]): string[] | undefined {
  if (value === undefined || value === null) {
    details.push({ name: 'events', reason: REQUIRED });
    return undefined;
  }
  if (!Array.isArray(value)) {
    details.push({ name: 'events', reason: 'The events must be an array of event type names.' });
    return undefined;
  }
  if (value.length === 0) {
    details.push({ name: 'events', reason: 'At least one event type is required.' });
    return undefined;
  }
  const before = details.length;
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') details.push({ name: `events[${i}]`, reason: 'The event type must be a string.' });
    else if (!KNOWN_EVENT_TYPES.has(item))
      details.push({ name: `events[${i}]`, reason: `Unknown event type '${preview(item)}'.` });
  });
  return details.length === before ? (value as string[]) : undefined;
}
