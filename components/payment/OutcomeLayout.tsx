'use client';

import { useEffect, useRef } from 'react';

const TONES = {
  success: { ring: 'bg-emerald-100 text-emerald-800', icon: 'M5 12.5l4.5 4.5L19 7.5' },
  neutral: { ring: 'bg-slate-100 text-slate-700', icon: 'M7 7l10 10M17 7L7 17' },
  waiting: { ring: 'bg-sky-100 text-sky-800', icon: 'M12 7v5l3 2' },
  attention: { ring: 'bg-amber-100 text-amber-900', icon: 'M12 7v6M12 16.5v.5' },
} as const;

interface OutcomeLayoutProps {
  tone: keyof typeof TONES;
  title: string;
  testId: string;
  /** True for screens that replace the waiting screen; false for the first screen of a page load. */
  focusOnMount?: boolean;
  children: React.ReactNode;
}

/**
 * One frame for every /return screen. An outcome's heading takes focus when it replaces the waiting screen,
 * so a screen reader announces the outcome the moment polling settles it.
 */
export function OutcomeLayout({ tone, title, testId, focusOnMount = true, children }: OutcomeLayoutProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const { ring, icon } = TONES[tone];
  return (
    <section
      data-testid={testId}
      aria-labelledby="outcome-heading"
      className="mx-auto flex max-w-2xl flex-col gap-5 rounded-xl border border-shop-line bg-white p-6 shadow-sm sm:p-8"
    >
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className={`flex h-12 w-12 shrink-0 items-center justify-center rounded-full ${ring}`}>
          <svg viewBox="0 0 24 24" className="h-7 w-7" fill="none" stroke="currentColor" strokeWidth="2.5">
            {tone === 'waiting' && <circle cx="12" cy="12" r="8" />}
            <path d={icon} strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <h1 id="outcome-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight outline-none">
          {title}
        </h1>
      </div>
      {children}
    </section>
  );
}

export function OrderNumber({ orderNumber }: { orderNumber: string }) {
  return (
    <p className="text-sm text-shop-muted">
      Order number{' '}
      <span data-testid="order-number" className="font-mono font-semibold text-shop-ink">
        {orderNumber}
      </span>
    </p>
  );
}

export const secondaryLink =
  'rounded-md border border-shop-line px-4 py-2 text-center font-semibold text-shop-ink hover:bg-shop-surface';
