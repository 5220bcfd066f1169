import 'next-auth';
import 'next-auth/jwt';

// The staff role travels in the JWT and the session (lib/server/auth/options.ts callbacks).
declare module 'next-auth' {
  interface Session {
    role?: string;
  }
  interface User {
    role?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string;
  }
}
