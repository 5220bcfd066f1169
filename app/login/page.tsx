import type { Metadata } from 'next';
import { LoginForm } from '@/components/admin/LoginForm';

export const metadata: Metadata = { title: 'Staff sign-in' };

function safeCallback(value: string | string[] | undefined): string {
  // Only same-site paths: an absolute callbackUrl would be an open redirect.
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/admin';
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  return (
    <section
      aria-labelledby="login-heading"
      className="mx-auto max-w-sm rounded-xl border border-shop-line bg-white p-6 shadow-sm"
    >
      <h1 id="login-heading" className="mb-1 text-xl font-bold">
        Staff sign-in
      </h1>
      <p className="mb-4 text-sm text-shop-muted">Capture, refund and cancel Vipps payments.</p>
      <LoginForm callbackUrl={safeCallback(params.callbackUrl)} />
    </section>
  );
}
