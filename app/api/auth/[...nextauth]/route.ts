import NextAuth, { type NextAuthOptions } from 'next-auth';
import { getAuthOptions } from '@/lib/server/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 types its App Router overload as `any`; this is the shape it implements (next-auth/next).
const createHandler = NextAuth as unknown as (
  options: NextAuthOptions,
) => (req: Request, ctx: RouteContext) => Promise<Response>;

// Options are built per request so the configuration is read at run time, never at build time.
function handler(req: Request, ctx: RouteContext): Promise<Response> {
  return createHandler(getAuthOptions())(req, ctx);
}

export { handler as GET, handler as POST };
