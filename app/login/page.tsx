import type { Metadata } from 'next';
import { LoginForm } from '@/components/admin/LoginForm';
import { sameOriginPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Staff sign-in' };

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
      <LoginForm callbackUrl={sameOriginPath(params.callbackUrl)} />
    </section>
  );
}
