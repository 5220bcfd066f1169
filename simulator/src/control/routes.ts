/**
 * Test controls under `/_sim` (JSON, no auth): drive the shopper's side, move the virtual clock, inspect state,
 * inject faults, reset. These do not exist at Vipps; they replace the human with the test phone (BRIEF §11).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../context';
import type { SimEnv } from '../http/sim-env';
import type { Payment } from '../epayment/payment';
import { toEventLog, toGetPaymentResponse } from '../epayment/serialize';
import { parseWith } from '../epayment/validation';
import { faultSpecSchema, newApiFault } from '../http/faults';
import { readJsonBody } from '../http/json-body';
import { ProblemError, sendSimResponse } from '../http/problem';
import { MSISDN, testUserInputSchema } from '../users/test-user';

type Ctx = Context<SimEnv>;

/** Everything a test may want to see about a payment, beyond the API's own GetPaymentResponse. */
function controlView(sim: SimContext, payment: Payment) {
  return {
    msn: payment.msn,
    ...toGetPaymentResponse(payment),
    userFlow: payment.userFlow,
    returnUrl: payment.returnUrl,
    customerPhoneNumber: payment.customerPhoneNumber,
    paymentDescription: payment.paymentDescription,
    receipt: payment.receipt,
    linkToken: payment.linkToken,
    landingUrl: `${sim.config.publicUrl}/landing?token=${payment.linkToken}`,
    createdAt: new Date(payment.createdAtMs).toISOString(),
    expiresAt: payment.state === 'CREATED' ? new Date(payment.expiresAtMs).toISOString() : null,
    processingUntil: payment.processingUntilMs ? new Date(payment.processingUntilMs).toISOString() : null,
    profileScope: payment.profileScope,
    /** Who answered the consent card (or approved through a test control, which counts as consent). */
    profileConsent: payment.profileConsent && {
      decision: payment.profileConsent.decision,
      phoneNumber: payment.profileConsent.phoneNumber,
      at: new Date(payment.profileConsent.atMs).toISOString(),
      via: payment.profileConsent.via,
    },
    events: toEventLog(payment),
  };
}

/** What `GET /_sim/payments/{reference}` answers (and every shopper action): the shape control clients read. */
export type ControlPaymentView = ReturnType<typeof controlView>;
/** What `GET /_sim/clock` and `POST /_sim/clock/advance` answer. */
export interface ClockView {
  now: string;
  offsetSeconds: number;
}

const approveSchema = z.object({
  phoneNumber: z
    .string()
    .regex(/^\d{10,15}$/)
    .optional(),
});
/** At most 100 years per call: far past any Vipps time window (28-day expiresAt, 365-day refund), and a Date still fits. */
const MAX_ADVANCE_SECONDS = 100 * 365 * 24 * 3600;
const advanceSchema = z.object({ seconds: z.number().finite().nonnegative().max(MAX_ADVANCE_SECONDS) });

const rateLimitsSchema = z.strictObject({ enabled: z.boolean() });

/** Control calls may leave the body out; it then means `{}`. */
const jsonOrEmpty = async (c: Ctx): Promise<unknown> => (await readJsonBody(c)) ?? {};

export function controlRoutes(sim: SimContext, resetAll: () => void): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.onError((error, c) => {
    if (error instanceof ProblemError) return sendSimResponse(error.toResponse(c.req.path));
    throw error;
  });

  /** Looks a payment up by reference; `?msn=` disambiguates when several MSNs use the same reference. */
  const paymentOf = (c: Ctx): Payment => {
    const reference = c.req.param('reference') ?? '';
    const msn = c.req.query('msn');
    const matches = sim.store.withReference(reference).filter((p) => !msn || p.msn === msn);
    const payment = matches[0];
    if (!payment) throw ProblemError.coded(404, '5090', `Reference ${reference} not found.`);
    if (matches.length > 1)
      throw new ProblemError(409, 'Ambiguous reference', 'Several MSNs use this reference; add ?msn=.');
    sim.payments.refresh(payment);
    c.set('logReference', reference);
    return payment;
  };

  const clockView = (): ClockView => ({ now: sim.clock.now().toISOString(), offsetSeconds: sim.clock.offsetSeconds });

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.post('/reset', (c) => {
    resetAll();
    return c.json({ status: 'reset' });
  });

  app.get('/clock', (c) => c.json(clockView()));
  app.post('/clock/advance', async (c) => {
    const { seconds } = parseWith(advanceSchema, await jsonOrEmpty(c));
    sim.clock.advance(seconds);
    sim.payments.sweep(); // expire immediately, so the EXPIRED events and webhooks fire now
    return c.json(clockView());
  });

  app.get('/payments', (c) => {
    sim.payments.sweep();
    return c.json(sim.store.all().map((payment) => controlView(sim, payment)));
  });
  app.get('/payments/:reference', (c) => c.json(controlView(sim, paymentOf(c))));

  app.post('/payments/:reference/approve', async (c) => {
    const { phoneNumber } = parseWith(approveSchema, await jsonOrEmpty(c));
    const payment = paymentOf(c);
    // Same as force approve: the magic test amounts do not apply (BRIEF §9).
    sim.payments.authorize(payment, phoneNumber ?? null);
    return c.json(controlView(sim, payment));
  });
  app.post('/payments/:reference/reject', (c) => {
    const payment = paymentOf(c);
    sim.payments.abort(payment);
    return c.json(controlView(sim, payment));
  });
  app.post('/payments/:reference/expire', (c) => {
    const payment = paymentOf(c);
    sim.payments.expire(payment);
    return c.json(controlView(sim, payment));
  });

  /** Test users (profile sharing): `PUT` replaces what the control API set for the number; reset forgets it. */
  const phoneOf = (c: Ctx): string => {
    const phone = c.req.param('phone') ?? '';
    if (!MSISDN.test(phone)) {
      throw ProblemError.validation([
        { name: 'phone', reason: 'must be 10-15 digits with country code, e.g. 4791234567' },
      ]);
    }
    return phone;
  };
  app.get('/users/:phone', (c) => c.json(sim.users.lookup(phoneOf(c))));
  app.put('/users/:phone', async (c) => {
    const phone = phoneOf(c);
    const input = parseWith(testUserInputSchema, await jsonOrEmpty(c));
    if (input.phone_number !== undefined && input.phone_number !== phone) {
      throw ProblemError.validation([{ name: 'phone_number', reason: 'must be the phone number in the path' }]);
    }
    sim.users.set(phone, input);
    return c.json(sim.users.lookup(phone));
  });

  app.get('/rate-limits', (c) => c.json({ enabled: sim.rateLimits.enabled }));
  app.post('/rate-limits', async (c) => {
    sim.rateLimits.enabled = parseWith(rateLimitsSchema, await jsonOrEmpty(c)).enabled;
    return c.json({ enabled: sim.rateLimits.enabled });
  });

  app.get('/faults', (c) => c.json(sim.faults.list()));
  app.post('/faults', async (c) =>
    c.json(sim.faults.add(newApiFault(parseWith(faultSpecSchema, await jsonOrEmpty(c)))), 201),
  );
  app.delete('/faults', (c) => {
    sim.faults.clear();
    return c.json({ status: 'cleared' });
  });

  return app;
}
