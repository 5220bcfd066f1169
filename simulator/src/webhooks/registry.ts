// Registrations per MSN (BRIEF §8 "Endpoints"). A registration covers one URL and one or more event
// types and has its own secret, shown only once (in the 201 response of the register call).
import { randomBytes, randomUUID } from 'node:crypto';

/** BRIEF §8: newer docs allow 25 registrations per event type per MSN for ePayment (the 2023 spec said 5). */
export const MAX_REGISTRATIONS_PER_EVENT = 25;

export interface Registration {
  id: string;
  msn: string;
  url: string;
  events: string[];
  secret: string;
  createdAt: string;
}

export type RegisterResult = { ok: true; registration: Registration } | { ok: false; fullEvents: string[] };

export class Registry {
  private readonly byId = new Map<string, Registration>();

  register(msn: string, url: string, events: string[], createdAt: string): RegisterResult {
    const unique = [...new Set(events)];
    const fullEvents = unique.filter((e) => this.countFor(msn, e) >= MAX_REGISTRATIONS_PER_EVENT);
    if (fullEvents.length > 0) return { ok: false, fullEvents };
    // Same shape as real secrets (cf. the BRIEF §8 test vector): 64 random bytes in base64, so that
    // receivers that wrongly base64-decode the key fail here too.
    const secret = randomBytes(64).toString('base64');
    const registration: Registration = { id: randomUUID(), msn, url, events: unique, secret, createdAt };
    this.byId.set(registration.id, registration);
    return { ok: true, registration };
  }

  list(msn?: string): Registration[] {
    const all = [...this.byId.values()];
    return msn === undefined ? all : all.filter((r) => r.msn === msn);
  }

  get(id: string): Registration | undefined {
    return this.byId.get(id);
  }

  /** Deletes only within the caller's MSN: another merchant's id is "not found". */
  delete(msn: string, id: string): boolean {
    const found = this.byId.get(id);
    if (!found || found.msn !== msn) return false;
    return this.byId.delete(id);
  }

  subscribers(msn: string, eventType: string): Registration[] {
    return this.list(msn).filter((r) => r.events.includes(eventType));
  }

  clear(): void {
    this.byId.clear();
  }

  private countFor(msn: string, eventType: string): number {
    return this.subscribers(msn, eventType).length;
  }
}
