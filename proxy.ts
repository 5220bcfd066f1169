import { withAuth } from 'next-auth/middleware';
import { parseEnv } from './lib/server/env/schema';

// First gate for /admin; every admin page and API also checks the session on the server itself.
export default withAuth({ secret: parseEnv(process.env).NEXTAUTH_SECRET, pages: { signIn: '/login' } });

export const config = { matcher: ['/admin/:path*'] };
