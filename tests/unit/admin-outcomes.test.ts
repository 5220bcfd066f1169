import { describe, expect, it } from 'vitest';
import { staffResultWords, webhookResultWords } from '@/lib/admin-outcomes';
import { restWasReleased, statusWords } from '@/lib/admin-status';

describe('the words staff read instead of codes', () => {
  it('says what processing a webhook did in a sentence', () => {
    expect(webhookResultWords('synced')).toBe('order brought up to date');
    expect(webhookResultWords('nothing_new')).toBe('nothing new');
    expect(webhookResultWords('unknown_reference')).toBe('not one of our payments');
    expect(webhookResultWords('failed: Vipps did not answer')).toBe('could not be processed: Vipps did not answer');
  });

  it('never shows a snake_case code, even for a result this build does not know', () => {
    expect(webhookResultWords('some_new_result')).toBe('some new result');
    expect(staffResultWords('brand_new')).toBe('brand new');
  });

  it('says what came of a staff action', () => {
    expect(staffResultWords('succeeded')).toBe('done');
    expect(staffResultWords('rejected')).toBe('refused by Vipps');
    expect(staffResultWords('refused')).toBe('refused by the shop');
    expect(staffResultWords('unknown')).toBe('outcome unknown');
  });
});

describe('an order whose rest was released after a partial capture', () => {
  it('reads "Captured, rest released", not plain "Captured"', () => {
    expect(restWasReleased('captured', { authorizedOre: 102_700, capturedOre: 30_000 })).toBe(true);
    expect(statusWords('captured', { authorizedOre: 102_700, capturedOre: 30_000 })).toBe('Captured, rest released');
  });

  it('reads "Captured" when everything reserved was captured', () => {
    expect(restWasReleased('captured', { authorizedOre: 102_700, capturedOre: 102_700 })).toBe(false);
    expect(statusWords('captured', { authorizedOre: 102_700, capturedOre: 102_700 })).toBe('Captured');
  });

  it('leaves every other status as it is', () => {
    expect(statusWords('partly_captured', { authorizedOre: 102_700, capturedOre: 30_000 })).toBe('Partly captured');
    expect(statusWords('cancelled', { authorizedOre: 102_700, capturedOre: 0 })).toBe('Cancelled');
  });
});
