// Fakes of the shop's own payment routes (POST /api/checkout, GET /api/payments/{ref}, POST …/retry) for the
// page-behaviour specs, so the UI is tested before and apart from the real handlers. Responses follow
// lib/shop-api.ts. The Vipps landing page is faked too: `window.location.assign` goes to another origin.
import type { Page, Request, Route } from '@playwright/test';
import type { PaymentOutcome, PaymentStartedResponse, PaymentStatusResponse } from '@/lib/shop-api';

export const REFERENCE = 'fb-e2e-ref-0001';
export const NEWER_REFERENCE = 'fb-e2e-ref-0002';
export const ORDER_NUMBER = 'FB-100042';
export const FAKE_LANDING = 'https://landing.vipps.test/pay';

const FINAL: Record<PaymentOutcome, boolean> = {
  pending: false,
  paid: true,
  cancelled: true,
  expired: true,
  terminated: true,
  needs_attention: false,
};

export function paymentStatus(
  outcome: PaymentOutcome,
  overrides: Partial<PaymentStatusResponse> = {},
): PaymentStatusResponse {
  return {
    reference: REFERENCE,
    orderNumber: ORDER_NUMBER,
    outcome,
    final: FINAL[outcome],
    checkedAt: '2026-12-01T21:00:00.000Z',
    canRetry: outcome === 'cancelled' || outcome === 'expired',
    newerReference: null,
    shopper: null,
    order: {
      currency: 'NOK',
      lines: [
        {
          sku: 'fjord-mug',
          name: 'Fjord enamel mug',
          quantity: 2,
          unitPriceOre: 24900,
          totalOre: 49800,
          vatPercent: 25,
          vatOre: 9960,
        },
        {
          sku: 'brunost',
          name: 'Brunost, 500 g',
          quantity: 1,
          unitPriceOre: 8990,
          totalOre: 8990,
          vatPercent: 15,
          vatOre: 1173,
        },
      ],
      totalOre: 58790,
      vatOre: 11133,
    },
    ...overrides,
  };
}

export function started(reference = REFERENCE): PaymentStartedResponse {
  return { orderNumber: ORDER_NUMBER, reference, redirectUrl: `${FAKE_LANDING}?ref=${reference}` };
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return {
    status,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: `https://httpstatuses.io/${status}`, status, code: 'x', title, ...extra }),
  };
}

/** The "Vipps landing page": a blank page on another origin, so a redirect there is observable. */
export async function fakeLandingPage(page: Page) {
  await page.route(`${FAKE_LANDING}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Vipps</title><h1>Vipps landing</h1>' }),
  );
}

/**
 * Answers `GET /api/payments/{reference}` with the given responses in turn (the last one repeats) and
 * records every request, so specs can count polls.
 */
export async function fakeStatus(page: Page, answers: Array<PaymentStatusResponse | 404>, reference = REFERENCE) {
  const requests: Request[] = [];
  await page.route(new RegExp(`/api/payments/${reference}$`), (route: Route) => {
    requests.push(route.request());
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    if (answer === 404) return route.fulfill(problem(404, 'No such payment'));
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
  });
  return requests;
}

/** Puts a cart into localStorage before any page script runs (what a shopper would have added earlier). */
export async function seedCart(page: Page, lines: Array<{ sku: string; quantity: number }>) {
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('e2e-cart-seeded')) {
      localStorage.setItem('fjellbutikken.cart.v1', value);
      sessionStorage.setItem('e2e-cart-seeded', '1');
    }
  }, JSON.stringify({ lines }));
}

export async function storedCart(page: Page): Promise<unknown> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('fjellbutikken.cart.v1') ?? 'null') as unknown);
}
