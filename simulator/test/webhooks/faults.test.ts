// Fault injection on /_sim/webhooks/faults (test-only, not part of Vipps).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { makeSim, paymentEvent, startReceiver, verifySignature } from './helpers';

const EVENTS = ['epayments.payment.created.v1', 'epayments.payment.authorized.v1', 'epayments.payment.captured.v1'];

describe('fault injection', () => {
  let sim: ReturnType<typeof makeSim>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;

  const publishFlow = (reference: string) => {
    sim.service.publish(paymentEvent('CREATED', reference));
    sim.service.publish(paymentEvent('AUTHORIZED', reference));
    sim.service.publish(paymentEvent('CAPTURED', reference));
  };
  const settled = () =>
    eventually(async () => {
      expect((await sim.deliveries()).filter((d) => d.state === 'pending' || d.state === 'held')).toEqual([]);
    });
  const faults = async () =>
    (await sim.json<{ faults: { kind: string; remaining: number }[] }>(await sim.call('GET', '/_sim/webhooks/faults')))
      .faults;

  beforeEach(async () => {
    sim = makeSim();
    receiver = await startReceiver();
    secret = (await sim.register(receiver.url(), EVENTS)).secret;
  });
  afterEach(async () => {
    await sim.service.close();
    await receiver.close();
  });

  it('drop: the next matching event is never delivered, and is recorded as dropped', async () => {
    await sim.fault({ kind: 'drop', eventName: 'AUTHORIZED' });
    expect(await faults()).toEqual([expect.objectContaining({ kind: 'drop', remaining: 1, eventName: 'AUTHORIZED' })]);
    publishFlow('p1');
    publishFlow('p2'); // the fault was used up by p1
    await settled();
    expect(receiver.refs().filter((r) => r === 'p1')).toHaveLength(2);
    expect(
      receiver.received
        .filter((r) => r.body.includes('"p1"'))
        .map((r) => JSON.parse(r.body) as { name: string })
        .map((e) => e.name),
    ).toEqual(['CREATED', 'CAPTURED']);
    expect(receiver.refs().filter((r) => r === 'p2')).toHaveLength(3);
    const dropped = (await sim.deliveries('p1')).find((d) => d.name === 'AUTHORIZED');
    expect(dropped).toMatchObject({ state: 'dropped', fault: 'drop', attempts: [] });
    expect(await faults()).toEqual([]);
  });

  it('drop with count and reference: only that payment, that many events', async () => {
    await sim.fault({ kind: 'drop', reference: 'p2', count: 2 });
    publishFlow('p1');
    publishFlow('p2');
    await settled();
    expect(receiver.refs().filter((r) => r === 'p1')).toHaveLength(3);
    expect((await sim.deliveries('p2')).map((d) => d.state)).toEqual(['dropped', 'dropped', 'delivered']);
  });

  it('duplicate: the event is delivered twice, identically and validly signed', async () => {
    await sim.fault({ kind: 'duplicate', eventName: 'epayments.payment.authorized.v1' });
    publishFlow('p1');
    await settled();
    expect(receiver.names()).toEqual(['CREATED', 'AUTHORIZED', 'AUTHORIZED', 'CAPTURED']);
    const [a, b] = receiver.received.filter((r) => r.body.includes('AUTHORIZED'));
    expect(a?.body).toBe(b?.body);
    for (const r of receiver.received) expect(verifySignature(secret, receiver.url(), r)).toBe(true);
    const auth = (await sim.deliveries('p1')).filter((d) => d.name === 'AUTHORIZED');
    expect(auth.map((d) => [d.state, d.fault])).toEqual([
      ['delivered', null],
      ['delivered', 'duplicate'],
    ]);
  });

  it('delay: delivered after delayMs; later events of that payment wait, other payments do not', async () => {
    await sim.fault({ kind: 'delay', reference: 'p1', eventName: 'CREATED', delayMs: 1500 });
    const started = Date.now();
    publishFlow('p1');
    publishFlow('p2');
    await eventually(() => expect(receiver.refs().filter((r) => r === 'p2')).toHaveLength(3));
    expect(receiver.refs()).not.toContain('p1');
    expect((await sim.deliveries('p1'))[0]).toMatchObject({ fault: 'delay', state: 'pending' });
    expect((await sim.deliveries('p1'))[0]?.nextAttemptInMs).toBeGreaterThan(0);
    await settled();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1490);
    expect(
      receiver.received
        .filter((r) => r.body.includes('"p1"'))
        .map((r) => (JSON.parse(r.body) as { name: string }).name),
    ).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
  });

  it('delay: retry-now leaves it alone unless includeDelayed=true', async () => {
    await sim.fault({ kind: 'delay', delayMs: 60_000 });
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    expect(await sim.retryNow()).toEqual({ retried: 0 });
    expect(await sim.retryNow('?includeDelayed=true')).toEqual({ retried: 1 });
    expect(receiver.names()).toEqual(['CREATED']);
  });

  it('reorder: the event is held and delivered after the next event of the same payment', async () => {
    await sim.fault({ kind: 'reorder', eventName: 'AUTHORIZED' });
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    sim.service.publish(paymentEvent('AUTHORIZED', 'p1'));
    await eventually(async () => {
      expect((await sim.deliveries('p1')).map((d) => d.state)).toEqual(['delivered', 'held']);
    });
    sim.service.publish(paymentEvent('CAPTURED', 'p1'));
    await settled();
    expect(receiver.names()).toEqual(['CREATED', 'CAPTURED', 'AUTHORIZED']);
    expect((await sim.deliveries('p1')).find((d) => d.name === 'AUTHORIZED')).toMatchObject({
      fault: 'reorder',
      state: 'delivered',
    });
  });

  it('does not use up a fault on an event nobody is subscribed to', async () => {
    await sim.fault({ kind: 'drop' });
    sim.service.publish(paymentEvent('REFUNDED', 'p1')); // not subscribed
    expect(await faults()).toHaveLength(1);
    sim.service.publish(paymentEvent('CREATED', 'p1'));
    expect(await faults()).toEqual([]);
  });

  it('DELETE /faults clears all faults', async () => {
    await sim.fault({ kind: 'drop' });
    await sim.fault({ kind: 'duplicate', count: 3 });
    expect(await faults()).toHaveLength(2);
    expect((await sim.call('DELETE', '/_sim/webhooks/faults')).status).toBe(204);
    expect(await faults()).toEqual([]);
    publishFlow('p1');
    await settled();
    expect(receiver.names()).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
  });

  it.each([
    [{ kind: 'explode' }],
    [{ kind: 'delay' }],
    [{ kind: 'drop', eventName: 'SHIPPED' }],
    [{ kind: 'drop', count: 0 }],
    [{ kind: 'drop', extra: true }],
    ['not json'],
  ])('rejects an invalid fault %j with 400', async (body) => {
    const res = await sim.call('POST', '/_sim/webhooks/faults', body);
    expect(res.status).toBe(400);
    expect(await faults()).toEqual([]);
  });
});
