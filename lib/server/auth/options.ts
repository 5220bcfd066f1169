import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getEnv } from '../env';
import { DOCUMENTED_DEMO_SECRETS } from '../env/schema';
import { getLogger } from '../log';
import { sameOriginPath } from '@/lib/safe-redirect';
import { getDb } from '../db';
import { clientAddress } from '../http/client-address';
import { authenticateStaff } from './staff-accounts';
import { STAFF_SESSION_IDLE_SECONDS, createStaffSession, revokeSessionByKey } from './staff-sessions';

const loginSchema = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) });

/**
 * Staff sign-in against the staff accounts in the database (scrypt hashes, roles). A real shop could plug its
 * identity provider in here. The JWT carries the key of a server-side session row (staff-sessions.ts):
 * requireStaff reads that row and the account on every request, so signing out, ending a session elsewhere,
 * or removing or demoting an account takes effect at once, even for a copy of the cookie.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: STAFF_SESSION_IDLE_SECONDS },
    pages: { signIn: '/login' },
    // next-auth's own messages go to our structured log (redacted, LOG_LEVEL) instead of console.error. A junk
    // session cookie from any visitor ends up here, so it is a warning, not an error.
    logger: {
      error: (code, metadata) => getLogger().warn({ component: 'next-auth', code, err: metadata }, 'next-auth error'),
      warn: (code) => getLogger().warn({ component: 'next-auth', code }, 'next-auth warning'),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: 'Staff',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, request) {
          const parsed = loginSchema.safeParse(raw);
          if (!parsed.success) return null;
          // A published password (the demo accounts') signs in only where nobody else can reach the shop.
          if (!env.demoSecretsAllowed && DOCUMENTED_DEMO_SECRETS.has(parsed.data.password)) return null;
          const staff = await authenticateStaff(await getDb(), parsed.data.email, parsed.data.password);
          if (!staff) return null;
          const headers = new Headers(request?.headers as Record<string, string> | undefined);
          return {
            id: String(staff.id),
            name: staff.name,
            email: staff.email,
            role: staff.role,
            userAgent: headers.get('user-agent'),
            clientAddress: clientAddress(headers, env.TRUSTED_PROXY_COUNT),
          };
        },
      }),
    ],
    events: {
      // Sign-out ends the session row, so the cookie (and any copy of it) no longer opens anything.
      async signOut({ token }) {
        if (typeof token?.sessionKey === 'string') await revokeSessionByKey(await getDb(), token.sessionKey);
      },
    },
    callbacks: {
      // `user` is set only at sign-in: that is when the session row is opened.
      async jwt({ token, user }) {
        if (!user) return token;
        if (user.role) token.role = user.role;
        token.sessionKey = await createStaffSession(await getDb(), {
          staffId: Number(user.id),
          userAgent: user.userAgent,
          clientAddress: user.clientAddress,
        });
        return token;
      },
      session({ session, token }) {
        session.role = token.role;
        return session;
      },
      // Same-origin only, resolved as a browser would (next-auth's default only checks a leading '/').
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
        return `${baseUrl}${sameOriginPath(path, '/admin')}`;
      },
    },
  };
}
