// The process-wide Vipps API log recorder, fed by the Vipps client's `onExchange` (lib/server/runtime/vipps-client.ts).
import 'server-only';
import {
  API_LOG_PAGE_SIZE,
  type ApiLogEntry,
  type ApiLogQuery,
  type ApiLogResponse,
} from '@/lib/admin-observability-api';
import { getDb } from '../db';
import { getEnv } from '../env';
import { getLogger } from '../log';
import { apiLogFor, listApiLog } from './queries';
import { createApiLogRecorder, type ApiLogRecorder } from './recorder';

export { apiLogFor, listApiLog } from './queries';
export { pruneApiLog } from './retention';
export type { ApiLogRecorder } from './recorder';

// On globalThis like the client itself, so dev-mode reloads keep one queue and one writer.
const globalKey = Symbol.for('vipps-epayment-demo-shop.api-log-recorder');
type GlobalWithRecorder = typeof globalThis & { [globalKey]?: ApiLogRecorder };

export function getApiLogRecorder(): ApiLogRecorder {
  const holder = globalThis as GlobalWithRecorder;
  if (!holder[globalKey]) {
    const env = getEnv();
    holder[globalKey] = createApiLogRecorder({
      // Lazily: building the client (and so the recorder) must not open the database.
      db: getDb,
      log: getLogger().child({ component: 'api-log' }),
      secrets: [env.VIPPS_CLIENT_ID, env.VIPPS_CLIENT_SECRET, env.VIPPS_SUBSCRIPTION_KEY],
    });
  }
  return holder[globalKey];
}

/** `GET /api/admin/api-log`: one payment's exchanges, or a page of the whole log. */
export async function apiLogResponse(query: ApiLogQuery): Promise<ApiLogResponse> {
  const db = await getDb();
  if (query.reference !== undefined) {
    const entries = await apiLogFor(db, query.reference);
    return { entries, reference: query.reference, page: 1, pageSize: entries.length, hasMore: false };
  }
  const { entries, hasMore } = await listApiLog(db, query);
  return { entries, reference: null, page: query.page, pageSize: API_LOG_PAGE_SIZE, hasMore };
}

/** The order page's "Vipps API log" tab: every exchange of the order's payment attempts, oldest first. */
export async function apiLogForReferences(references: readonly string[]): Promise<ApiLogEntry[]> {
  const db = await getDb();
  const perReference = await Promise.all(references.map((reference) => apiLogFor(db, reference)));
  return perReference.flat().sort((a, b) => a.id - b.id);
}
