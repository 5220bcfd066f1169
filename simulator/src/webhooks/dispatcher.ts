// Delivery queues, one per (registration, payment reference). BRIEF §8: "Delivery is ordered per
// registered webhook (per payment). A failing event blocks later events for the same payment until
// it succeeds." So only the head of a queue is ever attempted; other queues (other payments, other
// registrations) run independently.
import { postWebhook } from './attempt';
import { deliveryView, newDelivery, payloadFor, withoutOldestFinished, type Delivery } from './delivery';
import { eventTypeFor } from './events';
import type { WebhookFault } from './faults';
import type { Registration, Registry } from './registry';
import { rfc1123, signWebhook } from './signer';
import type { PublishedEvent } from './types';

interface Queue {
  key: string;
  registrationId: string;
  items: Delivery[];
  timer: NodeJS.Timeout | null;
  timerKind: 'retry' | 'delay' | null;
  inFlight: Promise<void> | null;
  controller: AbortController | null;
  cancelled: boolean;
}

export interface DispatcherDeps {
  registry: Registry;
  now: () => Date;
  fetchFn: typeof fetch;
  retryDelaysMs: readonly number[];
  deliveryTimeoutMs: number;
  /** Delivery records kept for GET /_sim/webhooks/deliveries; beyond it the oldest finished ones go. */
  maxDeliveries: number;
  log: (line: string) => void;
}

const keyOf = (registrationId: string, reference: string) => `${registrationId}\u0000${reference}`;

export class Dispatcher {
  private queues = new Map<string, Queue>();
  /** Deliveries held by a `reorder` fault, released after the next event of the same queue. */
  private held = new Map<string, Delivery[]>();
  private all: Delivery[] = [];
  private closed = false;

  constructor(private readonly deps: DispatcherDeps) {}

  publish(event: PublishedEvent, targets: Registration[], fault: WebhookFault | undefined): void {
    if (this.closed) return;
    const body = payloadFor(event);
    for (const reg of targets) {
      const key = keyOf(reg.id, event.reference);
      const make = () =>
        this.record(
          newDelivery({
            registrationId: reg.id,
            msn: reg.msn,
            url: reg.url,
            event: eventTypeFor(event.name),
            name: event.name,
            reference: event.reference,
            pspReference: event.pspReference,
            body,
            createdAt: this.deps.now().toISOString(),
          }),
        );
      const d = make();
      d.fault = fault?.kind ?? null;
      if (fault?.kind === 'reorder') {
        d.state = 'held';
        this.held.set(key, [...(this.held.get(key) ?? []), d]);
        continue;
      }
      if (fault?.kind === 'drop') {
        d.state = 'dropped';
        d.note = 'dropped by fault injection';
      } else {
        if (fault?.kind === 'delay') d.notBefore = Date.now() + (fault.delayMs ?? 0);
        this.enqueue(key, reg.id, d);
        if (fault?.kind === 'duplicate') {
          d.fault = null;
          const copy = make();
          copy.fault = 'duplicate';
          this.enqueue(key, reg.id, copy);
        }
      }
      this.releaseHeld(key, reg.id);
    }
  }

  list(filter: { reference?: string; registrationId?: string } = {}) {
    const nowMs = Date.now();
    return this.all
      .filter((d) => filter.reference === undefined || d.reference === filter.reference)
      .filter((d) => filter.registrationId === undefined || d.registrationId === filter.registrationId)
      .map((d) => deliveryView(d, nowMs));
  }

  /** Attempts every queue head that waits for a backoff retry (and, if asked, an injected delay) now. */
  async retryNow(includeDelayed: boolean): Promise<number> {
    const runs: Promise<void>[] = [];
    for (const q of this.queues.values()) {
      const head = q.items[0];
      if (!head || !q.timer || (q.timerKind === 'delay' && !includeDelayed)) continue;
      clearTimeout(q.timer);
      q.timer = null;
      q.timerKind = null;
      head.notBefore = 0;
      runs.push(this.attempt(q, head));
    }
    await Promise.all(runs);
    return runs.length;
  }

  /** A deleted registration gets nothing more; its undelivered events are abandoned. */
  cancelRegistration(registrationId: string): void {
    for (const q of [...this.queues.values()].filter((x) => x.registrationId === registrationId)) {
      this.cancel(q);
      this.queues.delete(q.key);
    }
    for (const d of this.all) {
      if (d.registrationId === registrationId && (d.state === 'pending' || d.state === 'held')) {
        d.state = 'abandoned';
        d.note = 'registration deleted';
      }
    }
    for (const key of [...this.held.keys()]) if (key.startsWith(`${registrationId}\u0000`)) this.held.delete(key);
  }

  reset(): void {
    for (const q of this.queues.values()) this.cancel(q);
    this.queues.clear();
    this.held.clear();
    this.all = [];
  }

  async close(): Promise<void> {
    this.closed = true;
    const inFlight = [...this.queues.values()].map((q) => q.inFlight).filter((p) => p !== null);
    for (const q of this.queues.values()) this.cancel(q);
    await Promise.allSettled(inFlight);
  }

  private record(d: Delivery): Delivery {
    this.all.push(d);
    this.all = withoutOldestFinished(this.all, this.deps.maxDeliveries);
    return d;
  }

  private enqueue(key: string, registrationId: string, d: Delivery): void {
    let q = this.queues.get(key);
    if (!q) {
      q = {
        key,
        registrationId,
        items: [],
        timer: null,
        timerKind: null,
        inFlight: null,
        controller: null,
        cancelled: false,
      };
      this.queues.set(key, q);
    }
    q.items.push(d);
    this.pump(q);
  }

  private releaseHeld(key: string, registrationId: string): void {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    for (const d of held) {
      d.state = 'pending';
      this.enqueue(key, registrationId, d);
    }
  }

  private cancel(q: Queue): void {
    q.cancelled = true;
    if (q.timer) clearTimeout(q.timer);
    q.timer = null;
    q.controller?.abort();
  }

  /** Starts the head of the queue if nothing is in flight and no timer is armed. */
  private pump(q: Queue): void {
    if (q.cancelled || this.closed || q.inFlight || q.timer) return;
    const head = q.items[0];
    if (!head) {
      this.queues.delete(q.key);
      return;
    }
    const wait = head.notBefore - Date.now();
    if (wait > 0) {
      q.timerKind = head.attempts.length === 0 ? 'delay' : 'retry';
      q.timer = setTimeout(() => {
        q.timer = null;
        q.timerKind = null;
        this.pump(q);
      }, wait);
      q.timer.unref(); // never keep a test process or the simulator alive just for a retry
      return;
    }
    void this.attempt(q, head);
  }

  private attempt(q: Queue, d: Delivery): Promise<void> {
    const reg = this.deps.registry.get(q.registrationId);
    const controller = new AbortController();
    q.controller = controller;
    const run = async () => {
      // Vipps' callback service sends webhooks on its own, after the API call that caused the event has answered:
      // signing and sending here, inside that call's handler, would delay its response and put the webhook on
      // the wire ahead of it. One turn of the event loop lets the response go first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (q.cancelled || this.closed) return;
      if (!reg) {
        d.state = 'abandoned';
        d.note = 'registration deleted';
        q.items.shift();
        return;
      }
      const at = this.deps.now();
      // Every attempt is signed afresh with the current x-ms-date (BRIEF §8) — real time, not the virtual clock:
      // the receiver checks the date against its own clock, and a test that moved the virtual clock forward
      // must not make every later delivery look stale.
      const signed = signWebhook({ secret: reg.secret, url: d.url, body: d.body, date: rfc1123(new Date()) });
      const outcome = await postWebhook({
        fetchFn: this.deps.fetchFn,
        url: d.url,
        body: d.body,
        headers: signed.headers,
        timeoutMs: this.deps.deliveryTimeoutMs,
        controller,
      });
      if (q.cancelled) return; // reset()/close()/delete happened meanwhile: this result belongs to nobody
      const { ok: _ok, ...result } = outcome;
      d.attempts.push({ at: at.toISOString(), ...result });
      const shown = outcome.status ?? outcome.error;
      this.deps.log(
        `webhook ${d.name} ${d.reference} -> ${d.url}: ${shown} (${outcome.ms} ms, attempt ${d.attempts.length})`,
      );
      if (outcome.ok) {
        d.state = 'delivered';
        q.items.shift();
        return;
      }
      const delay = this.deps.retryDelaysMs[d.attempts.length - 1];
      if (delay === undefined) {
        // Schedule exhausted: give up, as Vipps drops after 7 days, and unblock the payment's later events.
        d.state = 'abandoned';
        d.note = `gave up after ${d.attempts.length} attempts`;
        q.items.shift();
        return;
      }
      d.notBefore = Date.now() + delay;
    };
    const p: Promise<void> = run().finally(() => {
      if (q.inFlight === p) {
        q.inFlight = null;
        q.controller = null;
      }
      this.pump(q);
    });
    q.inFlight = p;
    return p;
  }
}
