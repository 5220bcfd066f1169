// Test-only fault injection (not part of Vipps). Faults let merchants test handlers against what
// real webhooks can do anyway: lost, duplicated (BRIEF §8 "duplicates happen"), late, and — beyond
// Vipps' ordering guarantee — out of order.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
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

export interface Fault {
  id: string;
  kind: FaultKind;
  /** How many more events this fault applies to. */
  remaining: number;
  eventName: PaymentEventName | null;
  reference: string | null;
  delayMs: number | null;
}

export class FaultStore {
  private faults: Fault[] = [];

  add(req: FaultRequest): Fault {
    const fault: Fault = {
      id: randomUUID(),
      kind: req.kind,
      remaining: req.count,
      eventName: req.eventName === undefined ? null : (normalizeEventName(req.eventName) ?? null),
      reference: req.reference ?? null,
      delayMs: req.delayMs ?? null,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The first (oldest) active fault matching the event, consumed once per published event (not per
   * registration). Returns a snapshot; the fault is removed when its count is used up.
   */
  take(event: PublishedEvent): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.eventName === null || f.eventName === event.name) &&
        (f.reference === null || f.reference === event.reference),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
