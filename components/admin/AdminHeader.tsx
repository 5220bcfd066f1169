import Link from 'next/link';
import { SignOutButton } from './SignOutButton';

interface AdminHeaderProps {
  staff: { email: string; role: string };
  /** The section the page belongs to, marked as current in the nav. */
  current: AdminSection;
}

export type AdminSection = 'dashboard' | 'orders' | 'webhooks' | 'api-log' | 'sessions';

const SECTIONS: ReadonlyArray<{ id: AdminSection; href: string; label: string }> = [
  { id: 'dashboard', href: '/admin', label: 'Dashboard' },
  { id: 'orders', href: '/admin/orders', label: 'Orders' },
  { id: 'webhooks', href: '/admin/webhooks', label: 'Webhook inbox' },
  { id: 'api-log', href: '/admin/api-log', label: 'Vipps API log' },
  { id: 'sessions', href: '/admin/sessions', label: 'Your sessions' },
];

/** The admin pages' shared header: where you are, who you are signed in as, and the way out. */
export function AdminHeader({ staff, current }: AdminHeaderProps) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-shop-line pb-3">
      <nav aria-label="Admin">
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm font-semibold">
          <li className="text-shop-muted">Staff admin</li>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <Link
                href={section.href}
                aria-current={current === section.id ? 'page' : undefined}
                className="rounded px-1 underline-offset-4 hover:underline aria-[current=page]:text-vipps-dark aria-[current=page]:underline"
              >
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-3 text-sm text-shop-muted">
        <p>
          Signed in as {staff.email} (<span data-testid="staff-role">{staff.role}</span>)
        </p>
        <SignOutButton />
      </div>
    </div>
  );
}
