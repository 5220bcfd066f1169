import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CartBadge } from '@/components/cart/CartBadge';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Fjellbutikken — Vipps MobilePay demo shop', template: '%s · Fjellbutikken' },
  description: 'An open reference integration of the Vipps MobilePay ePayment API.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render every page per request: the Content-Security-Policy nonce (proxy.ts) is new on each response, and a
  // page pre-rendered at build time would carry scripts without it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-shop-line bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight">
              Fjell<span className="text-vipps-dark">butikken</span>
            </Link>
            <div className="flex items-center gap-4">
              <p className="hidden text-sm text-shop-muted sm:block">Demo shop · pay with Vipps MobilePay</p>
              <CartBadge />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-8 text-xs text-shop-muted">
          A reference integration of the Vipps MobilePay ePayment API. No real money moves in this demo.
        </footer>
      </body>
    </html>
  );
}
