'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { SignOutButton } from './SignOutButton';

const SECTIONS = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/webhooks', label: 'Webhook inbox' },
  { href: '/admin/api-log', label: 'Vipps API log' },
  { href: '/admin/sessions', label: 'Your sessions' },
] as const;

/** The section a path belongs to: the longest section path it starts with (an order page is under Orders). */
function currentSection(pathname: string): string | undefined {
  return SECTIONS.map((s) => s.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The staff navigation. From 1024 px who is signed in sits beside the shop's name and the sections form a row
 * below (`display: contents` lets them take their places in the header); narrower, all of it folds behind a
 * "Menu" button (a disclosure: aria-expanded, Escape closes it), so a phone shows the page, not five links.
 */
export function StaffMenu({ staff }: { staff: { email: string; role: string } }) {
  const pathname = usePathname();
  const current = currentSection(pathname);
  const [open, setOpen] = useState(false);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-shop-line px-3 py-1.5 text-sm font-semibold lg:hidden"
      >
        {open ? 'Close menu' : 'Menu'}
      </button>
      <div id={menuId} className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-3 lg:contents`}>
        <nav aria-label="Admin" className="lg:order-3 lg:w-full">
          <ul className="flex flex-col gap-1 text-sm font-semibold lg:flex-row lg:flex-wrap lg:gap-x-5">
            {SECTIONS.map((section) => (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={current === section.href ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                  className="block rounded px-1 py-1 underline-offset-4 hover:underline aria-[current=page]:text-vipps-dark aria-[current=page]:underline"
                >
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm text-shop-muted lg:order-2 lg:ml-auto">
          <p className="[overflow-wrap:anywhere]">
            Signed in as {staff.email} (<span data-testid="staff-role">{staff.role}</span>)
          </p>
          <SignOutButton />
        </div>
      </div>
    </>
  );
}
