'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/login' })}
      className="rounded-md border border-shop-line px-3 py-1.5 text-sm"
    >
      Sign out
    </button>
  );
}
