import { describe, expect, it } from 'vitest';
import type { PaymentRow, StoredClaims } from '@/lib/server/db/schema';
import { GREETING_HOURS, greetingFor, type ProfileSnapshot } from '@/lib/server/orders/profile-views';

const AUTHORIZED_AT = new Date('2026-12-07T12:00:00Z');

const payment = (overrides: Partial<PaymentRow> = {}): PaymentRow => ({
  reference: 'fb-100001-1-abc',
  orderId: 1,
  attempt: 1,
  retryOf: null,
  currency: 'NOK',
  amountOre: 24_900,
  vippsState: 'AUTHORIZED',
  redirectUrl: 'http://localhost:4010/landing?token=x',
  pspReference: 'psp',
  authorizedOre: 24_900,
  capturedOre: 0,
  refundedOre: 0,
  cancelledOre: 0,
  authorizedAt: AUTHORIZED_AT,
  attentionReason: null,
  checkedAt: AUTHORIZED_AT,
  createdAt: AUTHORIZED_AT,
  updatedAt: AUTHORIZED_AT,
  ...overrides,
});

const claims = {
  name: 'Kari Nordmann',
  givenName: 'Kari',
  address: { streetAddress: 'Storgata 1', postalCode: '0155', region: 'Oslo', country: 'NO', formatted: null },
} as StoredClaims;
const fetched: ProfileSnapshot = { status: 'fetched', claims, claimable: false };
const hoursAfter = (hours: number) => new Date(AUTHORIZED_AT.getTime() + hours * 3_600_000);

describe('greetingFor (the shared name and address on /return)', () => {
  it('greets by name with the shared address right after the approval', () => {
    expect(greetingFor(payment(), fetched, hoursAfter(1))).toEqual({
      status: 'ready',
      givenName: 'Kari',
      name: 'Kari Nordmann',
      deliveryAddress: claims.address,
    });
  });

  it(`shows nobody once ${GREETING_HOURS} hours have passed: the return URL outlives the visit`, () => {
    expect(greetingFor(payment(), fetched, hoursAfter(GREETING_HOURS - 0.01))?.status).toBe('ready');
    expect(greetingFor(payment(), fetched, hoursAfter(GREETING_HOURS + 0.01))).toBeNull();
  });

  it('greets nobody on a payment that is not authorized, or that asked for no profile', () => {
    expect(greetingFor(payment({ vippsState: 'ABORTED', authorizedOre: 0 }), fetched, hoursAfter(1))).toBeNull();
    expect(greetingFor(payment(), null, hoursAfter(1))).toBeNull();
  });

  it('says pending while the profile is being read, unavailable when the read failed', () => {
    const pending = greetingFor(payment(), { status: 'claimed', claims: null, claimable: false }, hoursAfter(0));
    expect(pending).toMatchObject({ status: 'pending', name: null, deliveryAddress: null });
    const failed = greetingFor(payment(), { status: 'retrying', claims: null, claimable: true }, hoursAfter(0));
    expect(failed).toMatchObject({ status: 'unavailable', name: null });
  });
});
