/**
 * In-memory payments, keyed by (MSN, reference) as Vipps does (BRIEF §11), with a lookup by link token. Bounded:
 * beyond `capacity` the oldest finished payments are forgotten first (see `isFinished`, README "Settings").
 */
import { trimOldest } from '../bounded';
import type { Payment } from './payment';
import { capturableValue } from './state-machine';

const keyOf = (msn: string, reference: string) => `${msn}/${reference}`;

/** Nothing more can happen to it through the API: a final state and nothing left to capture. */
export const isFinished = (payment: Payment): boolean => payment.state !== 'CREATED' && capturableValue(payment) === 0;

export class PaymentStore {
  private readonly byKey = new Map<string, Payment>();
  private readonly byToken = new Map<string, Payment>();

  constructor(private readonly capacity: number = Number.POSITIVE_INFINITY) {}

  add(payment: Payment): void {
    this.byKey.set(keyOf(payment.msn, payment.reference), payment);
    this.byToken.set(payment.linkToken, payment);
    trimOldest(this.byKey, this.capacity, {
      prefer: isFinished,
      onEvict: (_key, evicted) => this.byToken.delete(evicted.linkToken),
    });
  }

  get(msn: string, reference: string): Payment | undefined {
    return this.byKey.get(keyOf(msn, reference));
  }

  byLinkToken(token: string): Payment | undefined {
    return this.byToken.get(token);
  }

  /** For the control API, which has no MSN header: all payments with this reference, across MSNs. */
  withReference(reference: string): Payment[] {
    return this.all().filter((payment) => payment.reference === reference);
  }

  all(): Payment[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }

  clear(): void {
    this.byKey.clear();
    this.byToken.clear();
  }
}
