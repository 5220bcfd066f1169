import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getEnv } from '../env';
import { secretsMatch } from './credentials';

const loginSchema = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) });

/**
 * Staff sign-in. One staff account from the environment keeps the demo self-contained; a real shop would
 * plug its identity provider in here. JWT sessions: no session table needed.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Staff',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize(raw) {
          const parsed = loginSchema.safeParse(raw);
          if (!parsed.success) return null;
          const emailOk = secretsMatch(parsed.data.email.toLowerCase(), env.STAFF_EMAIL.toLowerCase());
          const passwordOk = secretsMatch(parsed.data.password, env.STAFF_PASSWORD);
          if (!emailOk || !passwordOk) return null;
          return { id: 'staff', name: 'Shop staff', email: env.STAFF_EMAIL };
        },
      }),
    ],
  };
}
