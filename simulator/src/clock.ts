/**
 * The virtual clock: real time plus an offset that tests move forward with `POST /_sim/clock/advance`.
 * Everything time-based (payment expiry, token expiry, event timestamps, webhook dates) reads this clock,
 * so a 10-minute timeout (BRIEF §5) can be tested without waiting.
 */
export class VirtualClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  advance(seconds: number): Date {
    this.offsetMs += seconds * 1000;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
