// Test-only fault injection (not part of Vipps). Faults let merchants test handlers against what
// real webhooks can do anyway: lost, duplicated (BRIEF §8 "duplicates happen"), late, and — beyond
// Vipps' ordering guarantee — out of order.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FaultStore } from '../fault-store';
import { normalizeEventName, type PaymentEventName } from './events';
import type { PublishedEvent } from './types';

export const FAULT_KINDS = ['drop', 'duplicate', 'delay', 'reorder'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRequestSchema = z
  .strictObject({
    kind: z.enum(FAULT_KINDS),
    count: z.number().int().min(1).default(1),
    eventName: z
      .string()
      .refine(
        (s) => normalizeEventName(s) !== undefined,
        'unknown event: use e.g. AUTHORIZED or epayments.payment.authorized.v1',
      )
      .optional(),
    reference: z.string().min(1).optional(),
    delayMs: z.number().int().min(0).optional(),
  })
  .refine((f) => f.kind !== 'delay' || f.delayMs !== undefined, {
    message: 'delayMs is required for delay',
    path: ['delayMs'],
  });
export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface WebhookFault {
  id: string;
  kind: FaultKind;
  /** How many more events this fault applies to. */
  remaining: number;
  eventName: PaymentEventName | null;
  reference: string | null;
  delayMs: number | null;
}

export function newWebhookFault(req: FaultRequest): WebhookFault {
  return {
    id: randomUUID(),
    kind: req.kind,
    remaining: req.count,
    eventName: req.eventName === undefined ? null : (normalizeEventName(req.eventName) ?? null),
    reference: req.reference ?? null,
    delayMs: req.delayMs ?? null,
  };
}

/** A fault is used up once per published event (not per registration) that it matches. */
export const matchesEvent =
  (event: PublishedEvent) =>
  (fault: WebhookFault): boolean =>
    (fault.eventName === null || fault.eventName === event.name) &&
    (fault.reference === null || fault.reference === event.reference);

export type WebhookFaultStore = FaultStore<WebhookFault>;
