/**
 * The one store behind both kinds of injected faults (API calls in `http/faults.ts`, webhook deliveries in
 * `webhooks/faults.ts`): each fault applies to the next `remaining` matching uses and then disappears.
 */
export interface CountedFault {
  id: string;
  remaining: number;
}

export class FaultStore<F extends CountedFault> {
  private faults: F[] = [];

  add(fault: F): F {
    this.faults.push(fault);
    return { ...fault };
  }

  /** Consumes one use of the oldest fault that `matches`; returns a snapshot of it. */
  take(matches: (fault: F) => boolean): F | undefined {
    const fault = this.faults.find(matches);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): F[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}
