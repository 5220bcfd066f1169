import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Response } from '@playwright/test';
import type { OrderDetailResponse } from '@/lib/admin-api';
import { expect, test } from './support/fixtures';
import { APP_PORT, APP_URL } from './support/servers';

// A page on another port of this host is another origin but the same site, so SameSite=Lax lets the operator's
// session cookie through. The review captured and refunded money from such a page with a text/plain form and a
// no-cors fetch; the shop must refuse both (proxy.ts, lib/server/http/cross-site.ts) and keep its own pages working.

const ATTACKER_PORT = APP_PORT + 5;

/** The attacker's page: an auto-submitted text/plain form (a JSON body in disguise) and two no-cors fetches. */
function attackPage(reference: string): string {
  const target = (kind: string) => `${APP_URL}/api/admin/payments/${reference}/${kind}`;
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" enctype="text/plain" target="sink" action="${target('capture')}">
  <input type="hidden" name='{"amountOre":123,"note":"' value='x"}'>
</form>
<script>
  document.getElementById('f').submit();
  for (const kind of ['capture', 'refund']) {
    fetch('${APP_URL}/api/admin/payments/${reference}/' + kind, {
      method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'content-type': 'text/plain' }, body: '{"amountOre":123}',
    }).catch(() => {});
  }
</script></body></html>`;
}

async function serveAttacker(html: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ATTACKER_PORT, 'localhost', () => resolve());
  });
  return server;
}

async function money(page: Page, orderNumber: string) {
  const response = await page.request.get(`/api/admin/orders/${orderNumber}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as OrderDetailResponse).payments[0]!.money;
}

test('a page on another port cannot capture or refund with a signed-in operator’s cookie', async ({
  page,
  reservedOrder: order,
  signInAs,
  sim,
}) => {
  await signInAs('operator', `/admin/orders/${order.orderNumber}`);

  // The shop's own page still moves money: a browser request carrying the shop's Origin and JSON.
  const own = await page.evaluate(async (reference) => {
    const response = await fetch(`/api/admin/payments/${reference}/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amountOre: 100 }),
    });
    return response.status;
  }, order.reference);
  expect(own).toBe(200);
  const before = await money(page, order.orderNumber);
  expect(before).toMatchObject({ capturedOre: 100, refundedOre: 0 });
  const eventsBefore = (await sim.payment(order.reference)).events.length;

  const attacker = await serveAttacker(attackPage(order.reference));
  try {
    const refused: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${APP_URL}/api/admin/payments/`)) refused.push(response);
    });
    const attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    expect(new URL(attackerUrl).origin).not.toBe(new URL(APP_URL).origin);
    await page.goto(attackerUrl);
    // The form's capture and the two fetches (capture, refund) all reach the shop and are turned away. (Playwright
    // cannot show the Origin and Cookie headers of these no-cors requests; the system test sends them by hand.)
    await expect.poll(() => refused.length, { timeout: 15_000 }).toBe(3);
    for (const response of refused) {
      const request = response.request();
      expect(response.status(), `${request.method()} ${response.url()}`).toBe(403);
    }
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
  }

  await page.goto(`/admin/orders/${order.orderNumber}`);
  expect(await money(page, order.orderNumber)).toEqual(before);
  expect((await sim.payment(order.reference)).events).toHaveLength(eventsBefore);
});
