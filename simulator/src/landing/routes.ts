/**
 * The shopper's side: the landing page (`/landing?token=…`, where WEB_REDIRECT, NATIVE_REDIRECT and QR lead) and
 * the simulated Vipps app (`/app/{phoneNumber}`). Plain HTML forms; approve/reject redirect (303) to returnUrl.
 * Leaving a page changes nothing: the payment simply expires later (BRIEF §5).
 */
import { Hono, type Context } from 'hono';
import type { SimContext } from '../context';
import type { SimEnv } from '../http/sim-env';
import type { Payment } from '../epayment/payment';
import { claimScopesOf } from '../epayment/profile-scope';
import { isProcessing } from '../epayment/state-machine';
import { MSISDN } from '../users/test-user';
import { CONSENT_REQUIRED, type ConsentView } from './consent';
import { normalizePhoneNumber } from './format';
import { declineReasonFor, SCA_REQUIRED_AMOUNT, UNKNOWN_RESULT_AMOUNT } from './magic-amounts';
import {
  appPaymentPage,
  appPaymentPath,
  donePage,
  inactivePage,
  landingPage,
  phoneAppPage,
  processingPage,
  scaPage,
  unknownLinkPage,
} from './pages';

type Ctx = Context<SimEnv>;

const textField = (value: unknown): string => (typeof value === 'string' ? value : '');

export function landingRoutes(sim: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const merchant = () => sim.config.merchantName;

  /** The payment behind a link token, expiry applied; null when unknown. */
  const byToken = (c: Ctx, token: string): Payment | null => {
    const payment = sim.store.byLinkToken(token);
    if (!payment) return null;
    sim.payments.refresh(payment);
    c.set('logReference', payment.reference);
    return payment;
  };

  /** Shared guard: unknown link → 404 page; final state → "no longer active"; processing → processing page. */
  const activePayment = (c: Ctx, token: string, status: 200 | 409): Payment | Response => {
    const payment = byToken(c, token);
    if (!payment) return c.html(unknownLinkPage(), 404);
    if (payment.state !== 'CREATED') return c.html(inactivePage(payment, merchant()), status);
    if (isProcessing(payment, sim.clock.nowMs())) return c.html(processingPage(payment, merchant()));
    return payment;
  };

  /**
   * After the shopper decided: back to the shop's returnUrl, or a "go back to the shop" screen. Callers build this
   * answer *before* changing the payment, so nothing can fail between the state change and the reply (a returnUrl
   * with `€` used to throw in the Location header after the payment was already AUTHORIZED). `URL#href`
   * percent-encodes non-ASCII, which a header needs.
   */
  const finish = (c: Ctx, payment: Payment, title: string, message: string) =>
    payment.returnUrl ? c.redirect(new URL(payment.returnUrl).href, 303) : c.html(donePage(title, message));

  app.get('/landing', (c) => {
    const result = activePayment(c, c.req.query('token') ?? '', 200);
    if (result instanceof Response) return result;
    return c.html(landingPage(result, merchant(), result.customerPhoneNumber ?? ''));
  });

  app.post('/landing/next', async (c) => {
    const form = await c.req.parseBody();
    const result = activePayment(c, textField(form.token), 409);
    if (result instanceof Response) return result;
    const typed = textField(form.phoneNumber);
    const phone = normalizePhoneNumber(typed);
    if (!phone) {
      const error = 'Enter a mobile number with country code, e.g. 4791234567 (10-15 digits).';
      return c.html(landingPage(result, merchant(), typed, error), 400);
    }
    // The payment now waits in this phone's simulated app (GET /app/{phoneNumber}).
    result.customerPhoneNumber = phone;
    return c.redirect(appPaymentPath(phone, result.linkToken), 303);
  });

  app.get('/app/:phone', (c) => {
    const phone = c.req.param('phone');
    sim.payments.sweep();
    const waiting = sim.store.all().filter((p) => p.state === 'CREATED' && p.customerPhoneNumber === phone);
    return c.html(phoneAppPage(phone, waiting, merchant()));
  });

  /**
   * Where this phone's shopper stands with the payment's profile request. A consent counts only for the phone that
   * gave it. A scope of just `openid` shares nothing but `sub`, so it needs no card.
   */
  const consentOf = (payment: Payment, phone: string, error?: string): ConsentView => {
    const claims = claimScopesOf(payment.profileScope);
    if (claims.length === 0) return { stage: 'none' };
    const consent = payment.profileConsent?.phoneNumber === phone ? payment.profileConsent : null;
    if (consent?.decision === 'accepted') return { stage: 'accepted', claims };
    if (consent?.decision === 'declined' && !error) return { stage: 'declined' };
    return { stage: 'ask', user: sim.users.userFor(phone), claims, ...(error && { error }) };
  };

  app.get('/app/:phone/payments/:token', (c) => {
    const phone = c.req.param('phone');
    const result = activePayment(c, c.req.param('token'), 200);
    if (result instanceof Response) return result;
    return c.html(appPaymentPage(result, merchant(), phone, undefined, consentOf(result, phone)));
  });

  /** The consent card's answer: accept, decline, or (after declining) review the request again. */
  app.post('/app/:phone/payments/:token/consent', async (c) => {
    const phone = c.req.param('phone');
    const form = await c.req.parseBody();
    const result = activePayment(c, c.req.param('token'), 409);
    if (result instanceof Response) return result;
    const decision = textField(form.decision);
    // Only a real MSISDN is a test user who can share (the landing page normalises what shoppers type; this
    // guards hand-made URLs), so `phone_number` in userinfo is always digits.
    if (!MSISDN.test(phone)) {
      return c.html(appPaymentPage(result, merchant(), phone, undefined, consentOf(result, phone)), 400);
    }
    if (decision === 'accept' || decision === 'decline') {
      const atMs = sim.clock.nowMs();
      result.profileConsent = {
        decision: decision === 'accept' ? 'accepted' : 'declined',
        phoneNumber: phone,
        atMs,
        via: 'app',
      };
    } else if (decision === 'review') {
      if (result.profileConsent?.phoneNumber === phone) result.profileConsent = null;
    } else {
      return c.html(appPaymentPage(result, merchant(), phone, undefined, consentOf(result, phone)), 400);
    }
    // Post/redirect/get: a reload of the next screen does not send the decision again.
    return c.redirect(appPaymentPath(phone, result.linkToken), 303);
  });

  app.post('/app/:phone/payments/:token/approve', async (c) => {
    const phone = c.req.param('phone');
    // Read the form first: no await may sit between the state check and authorize, or a cancel/expiry landing
    // in between makes authorize throw (a 500 instead of the "no longer active" page).
    const form = await c.req.parseBody();
    const result = activePayment(c, c.req.param('token'), 409);
    if (result instanceof Response) return result;
    // Profile sharing: no approval before the shopper shared what the merchant asked for; it stays CREATED.
    const consent = consentOf(result, phone);
    if (consent.stage === 'ask' || consent.stage === 'declined') {
      return c.html(
        appPaymentPage(result, merchant(), phone, undefined, consentOf(result, phone, CONSENT_REQUIRED)),
        409,
      );
    }
    // BRIEF §9 test amounts apply only here, in the "app"; the payment stays CREATED so the shopper may retry.
    const declined = declineReasonFor(result.amount.value);
    if (declined) return c.html(appPaymentPage(result, merchant(), phone, declined, consent));
    if (result.amount.value === SCA_REQUIRED_AMOUNT && form.sca !== 'confirmed') {
      return c.html(scaPage(result, merchant(), phone));
    }
    if (result.amount.value === UNKNOWN_RESULT_AMOUNT) {
      sim.payments.startProcessing(result);
      return c.html(processingPage(result, merchant()));
    }
    const answer = finish(c, result, 'Payment approved', `You paid ${merchant()}.`);
    sim.payments.authorize(result, phone);
    return answer;
  });

  app.post('/app/:phone/payments/:token/reject', (c) => {
    const result = activePayment(c, c.req.param('token'), 409);
    if (result instanceof Response) return result;
    const answer = finish(c, result, 'Payment rejected', 'You rejected the payment. Nothing was charged.');
    sim.payments.abort(result);
    return answer;
  });

  return app;
}
