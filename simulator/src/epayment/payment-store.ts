/** In-memory payments, keyed by (MSN, reference) as Vipps does (BRIEF §11), with a lookup by link token. */
import type { Payment } from './payment';

const keyOf = (msn: string, reference: string) => `${msn}/${reference}`;

export class PaymentStore {
  private readonly byKey = new Map<string, Payment>();
  private readonly byToken = new Map<string, Payment>();

  add(payment: Payment): void {
    this.byKey.set(keyOf(payment.msn, payment.reference), payment);
    this.byToken.set(payment.linkToken, payment);
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

  clear(): void {
    this.byKey.clear();
    this.byToken.clear();
  }
}
