// The CSV export handler: viewers and operators may both download, but the shared name and e-mail columns are for
// operators only (ADR 0026). The role comes from requireStaff, never from the request.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Reports from '@/lib/server/reports';

const session = vi.hoisted(() => ({ role: null as null | string }));
const exportCsv = vi.hoisted(() => vi.fn());
vi.mock('@/lib/server/auth/current-staff', () => ({
  currentStaff: () =>
    Promise.resolve(session.role ? { email: `${session.role}@shop.no`, role: session.role, sessionId: 1 } : undefined),
}));
vi.mock('@/lib/server/reports', async (importOriginal) => ({
  ...(await importOriginal<typeof Reports>()),
  exportCsv,
}));

const route = await import('@/app/api/admin/exports/[kind]/route');

const get = (kind: string, query = '?from=2026-12-01&to=2026-12-07&withContact=true') =>
  route.GET(new Request(`http://localhost/api/admin/exports/${kind}${query}`), {
    params: Promise.resolve({ kind }),
  });

describe('GET /api/admin/exports/{kind}', () => {
  beforeEach(() => {
    exportCsv.mockReset();
    exportCsv.mockResolvedValue({ filename: 'f.csv', body: '\uFEFForder_number\r\n' });
  });

  it('asks for the name and e-mail columns for an operator', async () => {
    session.role = 'operator';
    expect((await get('orders')).status).toBe(200);
    expect(exportCsv).toHaveBeenCalledWith('orders', { from: '2026-12-01', to: '2026-12-07' }, { withContact: true });
  });

  it('leaves them out for a viewer, whatever the query says', async () => {
    session.role = 'viewer';
    expect((await get('orders')).status).toBe(200);
    expect(exportCsv).toHaveBeenCalledWith('orders', { from: '2026-12-01', to: '2026-12-07' }, { withContact: false });
  });

  it('exports nothing when signed out', async () => {
    session.role = null;
    expect((await get('orders')).status).toBe(401);
    expect(exportCsv).not.toHaveBeenCalled();
  });
});
