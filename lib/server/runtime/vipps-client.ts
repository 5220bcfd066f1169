// The process-wide Vipps client, built from the validated configuration and wired to the API log. It lives
// outside lib/server/vipps so that the client stays free of the database: vipps/ knows Vipps, api-log/ knows
// how to keep what the client saw, and only this file joins the two.
import 'server-only';
import packageJson from '@/package.json';
import { getApiLogRecorder } from '../api-log';
import { getEnv } from '../env';
import { getLogger } from '../log';
import { createVippsClient, type VippsClient } from '../vipps/client';
import { vippsConfigFromEnv } from '../vipps/config';
import type { VippsExchange } from '../vipps/exchange';

// Kept on globalThis so Next.js dev-mode module reloads reuse one token cache instead of fetching a new
// token per reload.
const globalKey = Symbol.for('vipps-epayment-demo-shop.vipps-client');
type GlobalWithClient = typeof globalThis & { [globalKey]?: VippsClient };

type MaybePatchedFetch = typeof fetch & { _nextOriginalFetch?: typeof fetch };

/**
 * Next.js replaces the global fetch on the server with one that can answer from its data cache (when a route
 * or page opts in) and wraps every call in tracing. A Vipps call must never be answered from a cache, and the
 * wrapper is work on every call of the checkout (`npm run bench` times it), so the client calls the fetch underneath,
 * which Next.js keeps on `_nextOriginalFetch`. Outside Next.js (tests, scripts) that property is absent.
 */
const unpatchedFetch = (): typeof fetch =>
  (globalThis.fetch as MaybePatchedFetch)._nextOriginalFetch ?? globalThis.fetch;

/** The process-wide Vipps client (simulator or apitest.vipps.no, depending on VIPPS_BASE_URL). */
export function getVippsClient(): VippsClient {
  const holder = globalThis as GlobalWithClient;
  // Every attempt goes to the API log (ADR 0013); the client itself knows nothing about the database.
  const onExchange = (exchange: VippsExchange) => getApiLogRecorder().record(exchange);
  holder[globalKey] ??= createVippsClient(
    { ...vippsConfigFromEnv(getEnv(), packageJson.version), onExchange },
    {
      fetch: (request) => unpatchedFetch()(request),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => Math.random(),
      logger: getLogger().child({ component: 'vipps' }),
    },
  );
  return holder[globalKey];
}
