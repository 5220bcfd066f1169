import NextAuth, { type NextAuthOptions } from 'next-auth';
import { checkAuthRequest, inProblemEnvelope } from '@/lib/server/auth/auth-route';
import { getAuthOptions } from '@/lib/server/auth/options';
import { throttledCredentialsSignIn } from '@/lib/server/auth/throttled-sign-in';
import { withProblems } from '@/lib/server/http/route';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 types its App Router overload as `any`; this is the shape it implements (next-auth/next).
const createHandler = NextAuth as unknown as (
  options: NextAuthOptions,
) => (req: Request, ctx: RouteContext) => Promise<Response>;

// Options are built per request so the configuration is read at run time, never at build time.
function handler(req: Request, ctx: RouteContext): Promise<Response> {
  return createHandler(getAuthOptions())(req, ctx);
}

async function get(req: Request, ctx: RouteContext): Promise<Response> {
  await checkAuthRequest(req, (await ctx.params).nextauth);
  return inProblemEnvelope(await handler(req, ctx));
}

async function post(req: Request, ctx: RouteContext): Promise<Response> {
  const { nextauth } = await ctx.params;
  await checkAuthRequest(req, nextauth);
  if (nextauth.join('/') === 'callback/credentials') {
    return inProblemEnvelope(await throttledCredentialsSignIn(req, (request) => handler(request, ctx)));
  }
  return inProblemEnvelope(await handler(req, ctx));
}

export const GET = withProblems(get);
export const POST = withProblems(post);
