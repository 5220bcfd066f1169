import { requireStaff } from '@/lib/server/auth/require-staff';
import { ProblemError } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';
import { checkOperationWithVipps } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

/** "Check with Vipps": settles an operation whose outcome is unknown from Vipps' event log. No body. */
export const POST = withProblems(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const staff = await requireStaff('operator');
  const { id } = await params;
  // Anything but a plain positive integer cannot be one of our operation ids.
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) {
    throw new ProblemError({ status: 404, code: 'not_found', title: 'Operation not found' });
  }
  const result = await checkOperationWithVipps(Number(id), staff);
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
