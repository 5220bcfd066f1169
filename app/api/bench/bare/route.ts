import { getEnv } from '@/lib/server/env';
import { ProblemError } from '@/lib/server/http/problem';
import { withProblems } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The benchmark's baseline (bench/run.ts): the same Next.js route pipeline as the shop's API — proxy.ts and its
 * security headers, withProblems, a no-store JSON answer — with no database and no Vipps. Off unless
 * BENCH_ROUTES=1 (which the configuration refuses against a real Vipps host), so in use it is a plain 404.
 */
export const GET = withProblems(() => {
  if (getEnv().BENCH_ROUTES !== '1') {
    throw new ProblemError({ status: 404, code: 'not_found', title: 'Not found' });
  }
  return Promise.resolve(Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }));
});
