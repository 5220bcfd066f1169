import { describe, expect, it } from 'vitest';
import {
  HINT_AFTER_MS,
  POLL_INTERVAL_MS,
  PROFILE_POLL_INTERVAL_MS,
  PROFILE_WAIT_MS,
  SLOW_POLL_INTERVAL_MS,
  STILL_CHECKING_AFTER_MS,
  formatElapsed,
  pollInterval,
  waitingStage,
} from '@/lib/payment/polling';
import type { PaymentStatusResponse } from '@/lib/shop-api';

const status = (final: boolean) => ({ final }) as PaymentStatusResponse;

describe('pollInterval', () => {
  it('polls every 1 s until the bound, then every 10 s, and never stops while not final', () => {
    expect(POLL_INTERVAL_MS).toBe(1_000);
    expect(pollInterval(undefined, 0)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(status(false), STILL_CHECKING_AFTER_MS - 1)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(status(false), STILL_CHECKING_AFTER_MS)).toBe(SLOW_POLL_INTERVAL_MS);
    expect(pollInterval(status(false), 24 * 3600_000)).toBe(SLOW_POLL_INTERVAL_MS);
  });

  it('stops once the answer is final', () => {
    expect(pollInterval(status(true), 0)).toBe(0);
  });

  it('polls a little longer while a shared profile is still being read, then stops', () => {
    const paid = (shopper: PaymentStatusResponse['shopper']) => ({ final: true, shopper }) as PaymentStatusResponse;
    const greeting = (status: 'pending' | 'ready' | 'unavailable') => ({
      status,
      givenName: null,
      name: null,
      deliveryAddress: null,
    });
    expect(pollInterval(paid(greeting('pending')), 0)).toBe(PROFILE_POLL_INTERVAL_MS);
    expect(pollInterval(paid(greeting('pending')), PROFILE_WAIT_MS)).toBe(0);
    expect(pollInterval(paid(greeting('ready')), 0)).toBe(0);
    expect(pollInterval(paid(greeting('unavailable')), 0)).toBe(0);
    expect(pollInterval(paid(null), 0)).toBe(0);
  });
});

describe('waitingStage', () => {
  it('adds a hint after 30 s and the still-checking message after the bound', () => {
    expect(waitingStage(HINT_AFTER_MS - 1)).toBe('checking');
    expect(waitingStage(HINT_AFTER_MS)).toBe('hint');
    expect(waitingStage(STILL_CHECKING_AFTER_MS)).toBe('still_checking');
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [65_000, '1:05'],
    [-5, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
