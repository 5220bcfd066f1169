import 'next-auth';
import 'next-auth/jwt';

// The staff role and the session key travel in the JWT (the role also in the session) (lib/server/auth/options.ts callbacks).
declare module 'next-auth' {
  interface Session {
    role?: string;
  }
  interface User {
    role?: string;
    /** Recorded on the session row at sign-in (lib/server/auth/options.ts). */
    userAgent?: string | null;
    clientAddress?: string | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string;
    /** The key of this sign-in's row in staff_sessions; never sent to the browser in the clear. */
    sessionKey?: string;
  }
}
