// The admin handlers for the API log and the webhook inbox: who may call them, and how queries are checked.
// The lib functions behind them are tested on a real database (tests/integration/api-log, webhooks).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ current: null as null | { user?: { email?: string }; role?: string } }));
const calls = vi.hoisted(() => ({ apiLog: [] as unknown[], inbox: [] as unknown[], reprocess: [] as unknown[] }));
// requireStaff reads the session row and the account from the database; here they are whatever the test says.
vi.mock('@/lib/server/auth/current-staff', () => ({
  currentStaff: () =>
    Promise.resolve(
      session.current?.role && session.current.user?.email
        ? { email: session.current.user.email, role: session.current.role, sessionId: 1 }
        : undefined,
    ),
}));
vi.mock('@/lib/server/api-log', () => ({
  apiLogResponse: (query: unknown) => {
    calls.apiLog.push(query);
    return Promise.resolve({ entries: [], reference: null, page: 1, pageSize: 50, hasMore: false });
  },
}));
vi.mock('@/lib/server/webhooks/admin', () => ({
  webhookInbox: (query: unknown) => {
    calls.inbox.push(query);
    return Promise.resolve({ deliveries: [], filter: 'all', reference: null, page: 1, pageSize: 50, hasMore: false });
  },
  reprocessWebhookDelivery: (id: number, staffEmail: string) => {
    calls.reprocess.push([id, staffEmail]);
    return Promise.resolve({ delivery: { id } });
  },
}));

const apiLog = await import('@/app/api/admin/api-log/route');
const inbox = await import('@/app/api/admin/webhooks/route');
const reprocess = await import('@/app/api/admin/webhooks/[id]/reprocess/route');

const get = (path: string) => new Request(`http://localhost:3000${path}`);
const as = (role: string) => (session.current = { user: { email: `${role}@shop.no` }, role });
const reprocessing = (id: string) =>
  reprocess.POST(new Request(`http://localhost:3000/api/admin/webhooks/${id}/reprocess`, { method: 'POST' }), {
    params: Promise.resolve({ id }),
  });

describe('admin observability handlers', () => {
  beforeEach(() => {
    session.current = null;
    calls.apiLog = [];
    calls.inbox = [];
    calls.reprocess = [];
  });

  it('answer 401 to the signed out, before reading anything', async () => {
    expect((await apiLog.GET(get('/api/admin/api-log'), undefined)).status).toBe(401);
    expect((await inbox.GET(get('/api/admin/webhooks'), undefined)).status).toBe(401);
    expect((await reprocessing('1')).status).toBe(401);
    expect([...calls.apiLog, ...calls.inbox, ...calls.reprocess]).toEqual([]);
  });

  it('let viewers read the log and the inbox, with checked queries', async () => {
    as('viewer');
    const response = await apiLog.GET(get('/api/admin/api-log?reference=fb-100001-1-abc&page=2'), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(calls.apiLog).toEqual([{ reference: 'fb-100001-1-abc', page: 2 }]);
    expect((await inbox.GET(get('/api/admin/webhooks?filter=refused'), undefined)).status).toBe(200);
    expect(calls.inbox).toEqual([{ filter: 'refused', page: 1 }]);
    const bad = await inbox.GET(get('/api/admin/webhooks?filter=forged'), undefined);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'filter' }] });
  });

  it('let only operators reprocess, and only real delivery ids', async () => {
    as('viewer');
    expect((await reprocessing('1')).status).toBe(403);
    as('operator');
    expect((await reprocessing('12')).status).toBe(200);
    expect(calls.reprocess).toEqual([[12, 'operator@shop.no']]); // who did it, for the staff log
    expect((await reprocessing('12abc')).status).toBe(404);
    expect((await reprocessing('99999999999')).status).toBe(404);
  });
});
