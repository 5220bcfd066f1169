// Calls the app's real route handler modules (app/api/**/route.ts) the way Next.js does: a NextRequest, a
// `params` promise, inside a request scope, against in-memory PGlite and a real simulator. Used by the fuzz
// and webhook-security suites, which must see exactly what a browser or Vipps would get back.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { HeadersAdapter } from 'next/dist/server/web/spec-extension/adapters/headers';
import { RequestCookiesAdapter } from 'next/dist/server/web/spec-extension/adapters/request-cookies';
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db, DbHandle } from '@/lib/server/db/core';
import { queryRows } from '@/lib/server/db/rows';
import { startOrdersWorld, type OrdersWorld } from '../orders/support';

export const SHOP_URL = 'http://localhost:3000';

type Global = typeof globalThis & { __shopDb?: Promise<DbHandle> } & Record<symbol, unknown>;
const VIPPS_CLIENT_KEY = Symbol.for('vipps-epayment-demo-shop.vipps-client');

/**
 * One world per test file. The app's process-wide singletons (lib/server/db `getDb`, lib/server/runtime
 * `getVippsClient`, lib/server/env `getEnv`) are pointed at it through the same globals and variables that
 * `next start` uses, so the handlers run unmodified.
 */
export function setUpRouteWorld(): () => OrdersWorld {
  let world: OrdersWorld | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    world = await startOrdersWorld();
    Object.assign(process.env, {
      VIPPS_BASE_URL: world.harness.url,
      PUBLIC_BASE_URL: SHOP_URL,
      NEXTAUTH_URL: SHOP_URL,
      NEXTAUTH_SECRET: 'route-tests-only-not-a-real-secret-0000',
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      // The fuzzers send thousands of checkouts from one (absent) address; the limit has its own tests.
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '100000',
    });
    (globalThis as Global).__shopDb = Promise.resolve(world.handle);
    await installWriteCounter(world.handle);
  });
  afterAll(async () => {
    const holder = globalThis as Global;
    delete holder.__shopDb;
    delete holder[VIPPS_CLIENT_KEY];
    process.env = saved;
    await world?.close();
  });
  return () => world!;
}

export interface RouteCall {
  method: string;
  /** Path plus query, e.g. `/api/payments/abc?x=1`. */
  path: string;
  headers?: HeadersInit;
  body?: string;
  params?: Record<string, string | string[]>;
}

type RouteHandler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

/** What a handler left for after the response (`after()`), for tests that want to run it. */
export const pendingAfterTasks: (() => unknown)[] = [];

/**
 * Runs a handler inside a minimal Next.js request scope, so `cookies()`, `headers()` and `after()` behave as
 * in `next start` (next-auth and the sign-in throttle read cookies; the webhook route defers work with after).
 */
export async function callRoute(handler: unknown, call: RouteCall): Promise<Response> {
  const request = new NextRequest(new URL(call.path, SHOP_URL), {
    method: call.method,
    headers: call.headers,
    body: call.body,
  });
  const workStore = {
    route: call.path,
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: false,
    afterContext: { after: (task: () => unknown) => void pendingAfterTasks.push(task) },
  };
  const requestStore = {
    type: 'request',
    phase: 'render',
    url: { pathname: request.nextUrl.pathname, search: request.nextUrl.search },
    headers: HeadersAdapter.seal(new Headers(request.headers)),
    cookies: RequestCookiesAdapter.seal(new RequestCookies(request.headers)),
  };
  const context = { params: Promise.resolve(call.params ?? {}) as Promise<never> };
  return workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(requestStore as never, () => (handler as RouteHandler)(request, context)),
  );
}

const WATCHED_TABLES = ['orders', 'order_lines', 'payments', 'payment_operations', 'webhook_events'] as const;
const WRITES_CHANNEL = 'test_row_writes';

/** The write counter's value as last announced by the database (see installWriteCounter). */
let announcedWrites = 0;

/**
 * Counts every row inserted, updated or deleted in the money tables (a test-only trigger), so "nothing was
 * written" also covers an UPDATE that leaves the row count alone. Each write also announces the new count
 * (NOTIFY, one distinct payload per row so none are folded together). PGlite hands a notification to its
 * listeners while it reads the committing statement's answer, so by the time a handler's response is back,
 * every write it committed has been announced: the fuzz loop learns "written or not" without a query of its
 * own per request (measured: the four fuzz files took 44–47 CPU-s instead of 52–69 on 2 cores).
 */
async function installWriteCounter(handle: DbHandle): Promise<void> {
  const { db } = handle;
  await db.execute(sql`create table if not exists test_row_writes (n bigint not null)`);
  await db.execute(sql`insert into test_row_writes select 0 where not exists (select 1 from test_row_writes)`);
  await db.execute(
    sql.raw(`create or replace function test_count_row_write() returns trigger language plpgsql as
      $$ declare total bigint;
      begin
        update test_row_writes set n = n + 1 returning n into total;
        perform pg_notify('${WRITES_CHANNEL}', total::text);
        return null;
      end $$`),
  );
  for (const table of WATCHED_TABLES) {
    await db.execute(sql.raw(`drop trigger if exists test_row_writes on ${table}`));
    await db.execute(
      sql.raw(`create trigger test_row_writes after insert or update or delete on ${table}
        for each row execute function test_count_row_write()`),
    );
  }
  if (handle.driver !== 'pglite') throw new Error('the route tests run on in-memory PGlite');
  const client = (db as unknown as { $client: PGlite }).$client;
  announcedWrites = await moneyRowWrites(db);
  await client.listen(WRITES_CHANNEL, (payload) => {
    announcedWrites = Math.max(announcedWrites, Number(payload));
  });
}

/** Row counts of the money tables: what the tests print and compare at the end of a run. */
export async function moneyRowCounts(db: Db): Promise<Record<string, number>> {
  const columns = WATCHED_TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ');
  const rows = await queryRows<Record<string, number>>(db, sql.raw(`select ${columns}`));
  return rows[0]!;
}

/**
 * Rows inserted, updated or deleted in the money tables so far, read from the database. Stronger than
 * comparing row counts: an UPDATE, or an INSERT plus a DELETE, moves it too.
 */
export async function moneyRowWrites(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select n::int as n from test_row_writes`);
  return rows[0]!.n;
}

/** The same count as the database last announced it: no query, so it can be read after every request. */
export function announcedMoneyRowWrites(): number {
  return announcedWrites;
}

/** Every error our API sends is the one envelope (lib/server/http/problem.ts). */
export async function expectProblemEnvelope(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(body.status).toBe(response.status);
  expect(body.code).toMatch(/^[a-z_]+$/);
  return body;
}
