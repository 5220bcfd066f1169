import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
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
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        {/* Each part of the site brings its own header and <main>: app/(shop), app/admin and app/login. */}
        {children}
        {/* mt-auto: on a short page the footer stays at the bottom of the window, not under the content. */}
        <footer className="mx-auto mt-auto w-full max-w-5xl px-4 pb-8 text-xs text-shop-muted">
          A reference integration of the Vipps MobilePay ePayment API. No real money moves in this demo.
        </footer>
      </body>
    </html>
  );
}
