'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sameOriginPath } from '@/lib/safe-redirect';

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        email: textField(form, 'email'),
        password: textField(form, 'password'),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        router.push(sameOriginPath(callbackUrl));
        router.refresh();
        return;
      }
      setError(
        res?.status === 429
          ? 'Too many sign-in attempts. Wait a minute, then try again.'
          : res?.status === 401
            ? 'Wrong e-mail or password.'
            : 'Sign-in failed. Try again in a moment.',
      );
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={false}>
      <label className="flex flex-col gap-1 text-sm font-medium">
        E-mail
        <input
          name="email"
          type="email"
          required
          autoComplete="username"
          className="rounded-md border border-shop-line px-3 py-2 text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          required
          autoComplete="current-password"
          className="rounded-md border border-shop-line px-3 py-2 text-base"
        />
      </label>
      {error && (
        <p data-testid="login-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-shop-ink px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
