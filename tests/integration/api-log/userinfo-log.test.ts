// A real userinfo exchange, through the real client and HTTP, into the Vipps API log and pino: neither may hold a
// shared claim (or the shopper's sub) in clear. Once against the simulator's own userinfo route, and once against a
// tiny local server in the spec's shape (userinfo-api.swagger.yaml 2.0.2) that can also send every claim the spec
// has (nin, other_addresses) and a garbled body, which the simulator never does; the payment is the simulator's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createApiLogRecorder } from '@/lib/server/api-log/recorder';
import { paymentProfiles, vippsApiLog } from '@/lib/server/db/schema';
import { createAppLogger } from '@/lib/server/log';
import type { OrdersDeps } from '@/lib/server/orders/deps';
import { getPaymentStatus } from '@/lib/server/orders/status';
import type { VippsClientConfig } from '@/lib/server/vipps/config';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { sharingCheckout } from '../orders/profile-support';
import { setUpOrdersWorld } from '../orders/support';

const CLAIMS = {
  name: 'Ingrid Fjellstad',
  given_name: 'Ingrid',
  family_name: 'Fjellstad',
  email: 'ingrid.fjellstad@example.no',
  email_verified: true,
  phone_number: '4798765432',
  address: {
    street_address: 'Bryggen 7',
    postal_code: '5003',
    region: 'Bergen',
    country: 'NO',
    formatted: 'Bryggen 7\n5003 Bergen',
    address_type: 'home',
  },
  other_addresses: [{ addressLine1: 'Sæterveien 12', city: 'Voss', country: 'Norway', postCode: '5700' }],
  birthdate: '1985-03-09',
};
const CLEAR = [
  'Ingrid',
  'Fjellstad',
  'ingrid.fjellstad',
  '4798765432',
  'Bryggen',
  '5003',
  'Bergen',
  'Sæterveien',
  'Voss',
  '5700',
  '1985-03-09',
];

/** Answers the token call and the userinfo call like Vipps; `mode` makes the next userinfo answers fail. */
function startUserinfoStub() {
  const seen: { path: string; authorization?: string; msn?: string }[] = [];
  let mode: 'ok' | 'garbled' = 'ok';
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    seen.push({
      path,
      authorization: request.headers.authorization,
      msn: request.headers['merchant-serial-number'] as string,
    });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(JSON.stringify(body));
    };
    if (path === '/accesstoken/get') {
      return send(200, { token_type: 'Bearer', expires_in: '3600', access_token: 'eyJ.STUB-ACCESS-TOKEN.sig' });
    }
    const sub = /^\/vipps-userinfo-api\/userinfo\/([^/]+)$/.exec(path)?.[1];
    if (!sub || request.headers.authorization !== 'Bearer eyJ.STUB-ACCESS-TOKEN.sig') {
      return send(401, { title: 'Unauthorized', status: '401' });
    }
    // A body that does not validate, still full of claims: the error path must not leak them either.
    if (mode === 'garbled') return send(200, { ...CLAIMS, sub: decodeURIComponent(sub), email: 42 });
    return send(200, { ...CLAIMS, sub: decodeURIComponent(sub), nin: '09058512345' });
  });
  return {
    seen,
    setMode: (next: typeof mode) => {
      mode = next;
    },
    start: () =>
      new Promise<string>((resolve) => {
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const getWorld = setUpOrdersWorld();
const stub = startUserinfoStub();
let stubUrl = '';
beforeAll(async () => {
  stubUrl = await stub.start();
});
afterAll(() => stub.close());

const CREDENTIALS = [
  SIMULATOR_CREDENTIALS.clientId,
  SIMULATOR_CREDENTIALS.clientSecret,
  SIMULATOR_CREDENTIALS.subscriptionKey,
];

/** One app instance as the app wires it: real clients feeding the API log recorder, pino for every log line. */
function loggedInstance() {
  const lines: string[] = [];
  const pino = createAppLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  const db = getWorld().handle.db;
  const recorder = createApiLogRecorder({ db, log: pino, secrets: CREDENTIALS });
  const onExchange: VippsClientConfig['onExchange'] = (exchange) => recorder.record(exchange);
  const payments = getWorld().deps({ onExchange });
  const userinfo = getWorld().harness.newClient(
    { baseUrl: stubUrl, retryDeadlineMs: 5_000, allowForceApprove: false, onExchange },
    pino.child({ component: 'vipps' }),
  );
  const deps: OrdersDeps = {
    ...payments,
    log: pino.child({ component: 'orders' }),
    vipps: { ...payments.vipps, getUserinfo: (sub, about) => userinfo.getUserinfo(sub, about) },
  };
  return { deps, lines, recorder, payments };
}

describe('a real userinfo exchange', () => {
  it('is in the Vipps API log with every claim and the sub masked, and pino holds none of them', async () => {
    const { deps, lines, recorder } = loggedInstance();
    const { reference } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference);
    const status = await getPaymentStatus(deps, reference);
    expect(status.shopper).toMatchObject({ status: 'ready', name: 'Ingrid Fjellstad' });
    const [profile] = await getWorld()
      .handle.db.select()
      .from(paymentProfiles)
      .where(eq(paymentProfiles.reference, reference));
    const sub = profile!.sub!;
    // The real path and headers went to "Vipps".
    const call = stub.seen.find((s) => s.path.startsWith('/vipps-userinfo-api/'))!;
    expect(call).toEqual({
      path: `/vipps-userinfo-api/userinfo/${sub}`,
      authorization: 'Bearer eyJ.STUB-ACCESS-TOKEN.sig',
      msn: SIMULATOR_CREDENTIALS.msn,
    });

    // The failure path too: a garbled answer full of claims.
    stub.setMode('garbled');
    const second = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(second.reference);
    expect((await getPaymentStatus(deps, second.reference)).shopper?.status).toBe('unavailable');
    stub.setMode('ok');
    await recorder.flush();

    const rows = await getWorld()
      .handle.db.select()
      .from(vippsApiLog)
      .where(like(vippsApiLog.path, '/vipps-userinfo-api/%'));
    expect(rows.map((r) => [r.reference, r.status, r.path])).toEqual(
      expect.arrayContaining([
        [reference, 200, '/vipps-userinfo-api/userinfo/{sub}'],
        [second.reference, 200, '/vipps-userinfo-api/userinfo/{sub}'],
      ]),
    );
    expect(JSON.parse(rows.find((r) => r.reference === reference)!.responseBody!)).toMatchObject({
      name: 'I***',
      email: 'i***@e***.no',
      email_verified: true,
    });
    const everything = JSON.stringify(await getWorld().handle.db.select().from(vippsApiLog));
    for (const value of [...CLEAR, sub, '09058512345']) expect(everything).not.toContain(value);

    const logged = lines.join('\n');
    expect(logged).toContain('shared profile fetched from Vipps');
    expect(logged).toContain('profile fetch failed');
    for (const value of [...CLEAR, sub]) expect(logged).not.toContain(value);
  });

  it('against the simulator: the demo user’s claims are masked in the API log and absent from pino', async () => {
    const { deps: stubbed, payments, lines, recorder } = loggedInstance();
    const deps: OrdersDeps = { ...stubbed, vipps: payments.vipps };
    const { reference } = await sharingCheckout(deps);
    await getWorld().harness.sim.approve(reference); // no phone given: the simulator's demo user, Kari, shares
    expect((await getPaymentStatus(deps, reference)).shopper).toMatchObject({ status: 'ready', name: 'Kari Nordmann' });
    await recorder.flush();
    const rows = await getWorld().handle.db.select().from(vippsApiLog).where(eq(vippsApiLog.reference, reference));
    expect(rows.map((r) => r.path)).toContain('/vipps-userinfo-api/userinfo/{sub}');
    const everything = JSON.stringify(rows);
    expect(everything).toContain('K***'); // the answer is logged, masked
    for (const value of ['Kari', 'Nordmann', 'kari.nordmann', 'Storgata', '0155', '4791234567']) {
      expect(everything).not.toContain(value);
    }
    for (const value of ['Kari', 'Nordmann', 'Storgata']) expect(lines.join('\n')).not.toContain(value);
  });
});
