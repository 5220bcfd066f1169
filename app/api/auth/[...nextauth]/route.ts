import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/server/auth/options';

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, ctx) as Promise<Response>;
}

export { handler as GET, handler as POST };
