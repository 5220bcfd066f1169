import { afterEach, describe, expect, it } from 'vitest';
import { ALL_EPAYMENT_EVENTS, MSN, OTHER_MSN, makeSim } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PATH = '/webhooks/v1/webhooks';

describe('Webhooks API', () => {
  let sim = makeSim();
  afterEach(async () => {
    await sim.service.close();
    sim = makeSim();
  });

  it('registers, lists and deletes a webhook', async () => {
    const reg = await sim.api('POST', PATH, { url: 'https://shop.example/hook', events: ALL_EPAYMENT_EVENTS });
    expect(reg.status).toBe(201);
    expect(reg.body.id).toMatch(UUID);
    expect(typeof reg.body.secret).toBe('string');

    const list = await sim.api('GET', PATH);
    expect(list.status).toBe(200);
    // The secret is shown once, at registration only.
    expect(list.body).toEqual({
      webhooks: [{ id: reg.body.id, url: 'https://shop.example/hook', events: ALL_EPAYMENT_EVENTS }],
    });

    const del = await sim.api('DELETE', `${PATH}/${String(reg.body.id)}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    expect((await sim.api('GET', PATH)).body).toEqual({ webhooks: [] });

    const again = await sim.api('DELETE', `${PATH}/${String(reg.body.id)}`);
    expect(again.status).toBe(404);
    expect(again.contentType).toMatch(/^application\/problem\+json(;|$)/);
  });

  it('gives each registration its own secret and accepts http URLs (simulator convenience)', async () => {
    const a = await sim.register('http://localhost:3000/api/vipps/webhook', ['epayments.payment.authorized.v1']);
    const b = await sim.register('http://localhost:3000/api/vipps/webhook', ['epayments.payment.authorized.v1']);
    expect(a.secret).not.toBe(b.secret);
    expect(a.id).not.toBe(b.id);
  });

  it('defaults to the first accepted MSN and scopes registrations per MSN', async () => {
    const mine = await sim.register('https://a.example/h', ['epayments.payment.created.v1'], MSN);
    const theirs = await sim.register('https://b.example/h', ['epayments.payment.created.v1'], OTHER_MSN);
    const noHeader = await sim.api('GET', PATH, undefined, null);
    expect((noHeader.body.webhooks as { id: string }[]).map((w) => w.id)).toEqual([mine.id]);
    const other = await sim.api('GET', PATH, undefined, OTHER_MSN);
    expect((other.body.webhooks as { id: string }[]).map((w) => w.id)).toEqual([theirs.id]);
    // Another merchant's registration is "not found" for this one.
    expect((await sim.api('DELETE', `${PATH}/${theirs.id}`, undefined, MSN)).status).toBe(404);
  });

  it('answers 403 ProblemDetails for an unknown MSN', async () => {
    const res = await sim.api('GET', PATH, undefined, '999999');
    expect(res.status).toBe(403);
    expect(res.contentType).toMatch(/^application\/problem\+json(;|$)/);
  });

  it.each([
    ['missing url', { events: ['epayments.payment.created.v1'] }, 'url'],
    ['relative url', { url: '/hook', events: ['epayments.payment.created.v1'] }, 'url'],
    ['non-http url', { url: 'ftp://shop.example/hook', events: ['epayments.payment.created.v1'] }, 'url'],
    ['url not a string', { url: 42, events: ['epayments.payment.created.v1'] }, 'url'],
    ['missing events', { url: 'https://shop.example/h' }, 'events'],
    ['empty events', { url: 'https://shop.example/h', events: [] }, 'events'],
    ['events not an array', { url: 'https://shop.example/h', events: 'epayments.payment.created.v1' }, 'events'],
    [
      'unknown event',
      { url: 'https://shop.example/h', events: ['epayments.payment.created.v1', 'nope.v1'] },
      'events[1]',
    ],
    [
      'extra property',
      { url: 'https://shop.example/h', events: ['epayments.payment.created.v1'], secret: 'x' },
      'secret',
    ],
    ['body not an object', [1, 2], '(body)'],
    ['invalid JSON', '{"url":', '(body)'],
  ])('rejects %s with 400 ProblemDetails', async (_label, body, field) => {
    const res = await sim.api('POST', PATH, body);
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/problem\+json(;|$)/);
    expect(res.body).toMatchObject({ status: 400, instance: PATH });
    // One Problem builder for the whole simulator: the same trace-id format as ePayment's (BRIEF §7 example).
    expect(res.body.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(res.body.extraDetails).toEqual(expect.arrayContaining([expect.objectContaining({ name: field })]));
    expect((await sim.api('GET', PATH)).body).toEqual({ webhooks: [] });
  });

  it('accepts non-ePayment event names at registration', async () => {
    await sim.register('https://shop.example/h', ['recurring.charge-captured.v1', 'user.checked-in.v1']);
  });

  it('rejects a malformed id on delete with 400', async () => {
    const res = await sim.api('DELETE', `${PATH}/not-a-uuid`);
    expect(res.status).toBe(400);
  });

  it('allows 25 registrations per event type per MSN, then 400', async () => {
    const created = 'epayments.payment.created.v1';
    for (let i = 0; i < 25; i++) await sim.register(`https://shop.example/h${i}`, [created]);
    const full = await sim.api('POST', PATH, {
      url: 'https://shop.example/h26',
      events: [created, 'epayments.payment.captured.v1'],
    });
    expect(full.status).toBe(400);
    expect(full.body.detail).toMatch(/At most 25/);
    expect(full.body.extraDetails).toEqual([{ name: 'events', reason: expect.stringContaining(created) as string }]);
    // Other event types and other MSNs have their own buckets.
    await sim.register('https://shop.example/x', ['epayments.payment.captured.v1']);
    await sim.register('https://shop.example/y', [created], OTHER_MSN);
    // Deleting one frees a slot.
    const first = ((await sim.api('GET', PATH)).body.webhooks as { id: string }[])[0];
    expect((await sim.api('DELETE', `${PATH}/${first?.id ?? ''}`)).status).toBe(204);
    await sim.register('https://shop.example/h26', [created]);
  });

  it('shows registrations with secrets on the control API', async () => {
    const reg = await sim.register('https://shop.example/h', ['epayments.payment.created.v1']);
    const res = await sim.call('GET', '/_sim/webhooks/registrations');
    const { registrations } = await sim.json<{ registrations: { id: string; secret: string; msn: string }[] }>(res);
    expect(registrations).toEqual([expect.objectContaining({ id: reg.id, secret: reg.secret, msn: MSN })]);
  });

  it('reset() forgets registrations', async () => {
    await sim.register('https://shop.example/h', ['epayments.payment.created.v1']);
    sim.service.reset();
    expect((await sim.api('GET', PATH)).body).toEqual({ webhooks: [] });
  });
});
