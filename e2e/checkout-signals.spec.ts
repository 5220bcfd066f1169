import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { answerInVipps, checkoutViaApi, statusOf } from './support/shop';

// What the server does whatever the browser sends or does. The shopper-facing pages have their own spec.
test.describe('checkout, as the server sees it', () => {
  test('prices come from the catalogue: prices, totals and VAT sent by the browser are ignored', async ({
    request,
    sim,
  }) => {
    const started = await checkoutViaApi(request, {
      items: [{ sku: 'roros-blanket', quantity: 1, priceOre: 100, unitPriceOre: 100 }],
      totalOre: 100,
      vatOre: 0,
    });
    const atVipps = await sim.payment(started.reference);
    expect(atVipps.amount).toEqual({ currency: 'NOK', value: 129900 });
  });

  test('the same checkout sent twice at once makes one order and one Vipps payment', async ({ request, sim }) => {
    const key = randomUUID();
    const body = { items: [{ sku: 'fjord-mug', quantity: 1 }], phoneNumber: '912 34 567' };
    const [a, b] = await Promise.all([checkoutViaApi(request, body, key), checkoutViaApi(request, body, key)]);
    expect(a).toEqual(b);
    const all = await sim.payments();
    expect(all.filter((p) => p.reference.startsWith(a.orderNumber.toLowerCase()))).toHaveLength(1);
    expect((await sim.payment(a.reference)).customerPhoneNumber).toBe('4791234567');
  });

  test('bad input gets field errors in the one envelope', async ({ request }) => {
    const response = await request.post('/api/checkout', {
      data: { items: [{ sku: 'fjord-mug', quantity: 0 }], phoneNumber: '123' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['items.0.quantity', 'phoneNumber']);
  });

  test('approved in Vipps, tab closed before returning: the webhook still makes the order paid', async ({
    browser,
    request,
    sim,
  }) => {
    const started = await checkoutViaApi(request, { items: [{ sku: 'wool-socks', quantity: 1 }] });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/return?**', (route) => route.abort()); // the shopper never comes back
    await answerInVipps(page, started.redirectUrl, 'Approve');
    await context.close();
    await expect
      .poll(async () =>
        (await sim.webhooks.deliveries({ reference: started.reference })).find((d) => d.name === 'AUTHORIZED'),
      )
      .toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
    await expect.poll(async () => (await statusOf(request, started.reference)).outcome).toBe('paid');
  });

  test('approved in Vipps, webhooks lost, tab closed: the reconciler settles it with nobody asking', async ({
    browser,
    request,
    sim,
  }) => {
    const started = await checkoutViaApi(request, { items: [{ sku: 'fjellkaffe', quantity: 2 }] });
    await sim.webhooks.faults.add({ kind: 'drop', reference: started.reference, count: 20 });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/return?**', (route) => route.abort());
    await answerInVipps(page, started.redirectUrl, 'Approve');
    await context.close();
    // No shopper polls and no webhook arrives, yet the shop reads the payment from Vipps by itself. "After the
    // approval" is measured from the simulator's own record of the approve request: the reconciler may read the
    // payment before the browser step above has even returned (a CI run failed on a clock taken here).
    await expect
      .poll(
        async () => {
          const requests = await sim.requests({ reference: started.reference });
          const approve = requests.find((r) => r.method === 'POST' && r.path.endsWith('/approve'));
          return requests.some((r) => approve && r.method === 'GET' && r.at > approve.at && r.status === '200');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const authorized = (await sim.webhooks.deliveries({ reference: started.reference })).find(
      (d) => d.name === 'AUTHORIZED',
    );
    expect(authorized?.state).not.toBe('delivered');
    const status = await statusOf(request, started.reference);
    expect(status.outcome).toBe('paid');
  });

  test('unknown references are not found', async ({ request }) => {
    expect((await request.get('/api/payments/fb-999999-1-0000000000000000')).status()).toBe(404);
    expect((await request.get('/api/payments/..%2Fetc')).status()).toBe(404);
    expect((await request.post('/api/payments/fb-999999-1-0000000000000000/retry')).status()).toBe(404);
  });
});
