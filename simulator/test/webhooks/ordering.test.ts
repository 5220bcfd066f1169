// BRIEF §8: delivery is ordered per registration per payment; a failing event blocks later events of
// the same payment until it succeeds; other payments flow. Retries are re-signed with a fresh date.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import type { ServerResponse } from 'node:http';
import { makeSim, paymentEvent, startReceiver, verifySignature, type Received } from './helpers';

const EVENTS = ['epayments.payment.created.v1', 'epayments.payment.authorized.v1', 'epayments.payment.captured.v1'];

describe('ordering, blocking and retry', () => {
  let sim: ReturnType<typeof makeSim>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    sim = makeSim();
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await sim.service.close();
    await receiver.close();
  });

  it('delivers the events of one payment in order, one at a time', async () => {
    // The receiver answers the first request late: the next event must not overtake it.
    const pending: ServerResponse[] = [];
    receiver.setHandler((_r, res) => pending.push(res));
    await sim.register(receiver.url(), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p1'));
    sim.service.publish(paymentEvent('CAPTURED', 'p1'));

    for (let n = 1; n <= 3; n++) {
      await eventually(() => expect(receiver.received).toHaveLength(n));
      expect(pending).toHaveLength(1); // never more than one in flight per payment
      pending.shift()!.writeHead(204).end();
    }
    expect(receiver.names()).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
  });

  it('a failing event blocks later events of that payment only, until a retry succeeds', async () => {
    let failP1 = true;
    receiver.setHandler((r: Received, res) => {
      const fail = failP1 && (JSON.parse(r.body) as { reference: string }).reference === 'p1';
      res.writeHead(fail ? 503 : 200).end();
    });
    const reg = await sim.register(receiver.url(), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p1'));
    sim.service.publish(paymentEvent('CREATED', 'p2'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p2'));

    // p2 flows; p1 is stuck at its first event.
    await eventually(async () => {
      expect((await sim.deliveries('p2')).map((d) => d.state)).toEqual(['delivered', 'delivered']);
      const p1 = await sim.deliveries('p1');
      expect(p1[0]?.attempts).toEqual([expect.objectContaining({ status: 503 })]);
      expect(p1[0]?.nextAttemptInMs).toBeGreaterThan(0);
    });
    const p1Received = () => receiver.received.filter((r) => r.body.includes('"reference":"p1"'));
    expect(p1Received()).toHaveLength(1);
    expect((await sim.deliveries('p1'))[1]).toMatchObject({ state: 'pending', attempts: [] });

    // Still failing: retry-now makes exactly one more attempt of the head, the second event still waits.
    expect(await sim.retryNow()).toEqual({ retried: 1 });
    expect(p1Received()).toHaveLength(2);
    expect((await sim.deliveries('p1'))[1]?.attempts).toEqual([]);

    // The receiver recovers; a retry delivers the head, then the blocked event follows in order.
    failP1 = false;
    sim.clock.now = new Date('2024-05-01T10:05:00.000Z');
    expect(await sim.retryNow()).toEqual({ retried: 1 });
    await eventually(async () => {
      expect((await sim.deliveries('p1')).map((d) => d.state)).toEqual(['delivered', 'delivered']);
    });
    const p1s = p1Received();
    expect(p1s.map((r) => (JSON.parse(r.body) as { name: string }).name)).toEqual([
      'CREATED',
      'CREATED',
      'CREATED',
      'AUTHORIZED',
    ]);
    // Each attempt is re-signed at the (real) time of that attempt, even though the virtual clock moved 5 minutes.
    for (const r of p1s) {
      expect(Math.abs(Date.parse(String(r.headers['x-ms-date'])) - Date.now())).toBeLessThan(10_000);
    }
    for (const r of p1s) expect(verifySignature(reg.secret, receiver.url(), r)).toBe(true);
    expect((await sim.deliveries('p1'))[0]?.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
  });

  it('blocks per registration: a healthy registration gets the payment events meanwhile', async () => {
    receiver.setHandler((r, res) => res.writeHead(r.path === '/down' ? 500 : 200).end());
    await sim.register(receiver.url('/down'), EVENTS);
    await sim.register(receiver.url('/up'), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p1'));
    await eventually(() => {
      const up = receiver.received.filter((r) => r.path === '/up');
      expect(up.map((r) => (JSON.parse(r.body) as { name: string }).name)).toEqual(['CREATED', 'AUTHORIZED']);
    });
    expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(1);
  });

  it('retries on the backoff schedule by itself, then gives up and unblocks the payment', async () => {
    await sim.service.close();
    sim = makeSim({ retryDelaysMs: [10, 20] });
    receiver.setHandler((r, res) => res.writeHead(r.body.includes('"CREATED"') ? 500 : 200).end());
    await sim.register(receiver.url(), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p1'));

    // 1 attempt + 2 retries, all failing: abandoned; the next event is then attempted.
    await eventually(async () => {
      const [first] = await sim.deliveries('p1');
      expect(first).toMatchObject({ state: 'abandoned', note: 'gave up after 3 attempts' });
      expect(first?.attempts).toHaveLength(3);
    });
    await eventually(async () => {
      expect((await sim.deliveries('p1'))[1]?.state).toBe('delivered');
    });
    expect(receiver.names()).toEqual(['CREATED', 'CREATED', 'CREATED', 'AUTHORIZED']);
  });

  it('counts no answer within deliveryTimeoutMs as a failure', async () => {
    await sim.service.close();
    sim = makeSim({ deliveryTimeoutMs: 100 });
    let answer = false;
    receiver.setHandler((_r, res) => {
      if (answer) res.writeHead(200).end(); // otherwise never answers
    });
    await sim.register(receiver.url(), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'slow'));
    await eventually(async () => {
      const [d] = await sim.deliveries('slow');
      expect(d?.attempts).toEqual([expect.objectContaining({ error: 'timeout: no answer within 100 ms' })]);
      expect(d?.state).toBe('pending');
    });
    answer = true;
    await sim.retryNow();
    expect((await sim.deliveries('slow'))[0]).toMatchObject({ state: 'delivered' });
  });

  it('close() aborts an in-flight delivery and resolves', async () => {
    receiver.setHandler(() => {}); // never answers
    await sim.register(receiver.url(), EVENTS);
    sim.service.publish(paymentEvent('CREATED', 'hang'));
    await eventually(() => expect(receiver.received).toHaveLength(1));
    await sim.service.close(); // would take 10 s (the default timeout) if not aborted
  });
});
