import { describe, expect, it } from 'vitest';
import { ageOf, formatDateTime, formatShopDay, staffActionLabel } from '@/lib/admin-format';

describe('ageOf', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it.each([
    [30_000, 'under a minute'],
    [12 * 60_000, '12 min'],
    [5 * 3_600_000 + 59 * 60_000, '5 h'],
    [26 * 3_600_000, '1 day'],
    [3 * 86_400_000 + 3_600_000, '3 days'],
    [-5_000, 'under a minute'], // a clock a little ahead is not "in the future"
  ])('%i ms ago is "%s"', (ms, text) => {
    expect(ageOf(ago(ms), now)).toBe(text);
  });
});

describe('staffActionLabel', () => {
  it('names the staff log actions in words, and shows an unknown one as stored', () => {
    expect(staffActionLabel('check_with_vipps')).toBe('Check with Vipps');
    expect(staffActionLabel('process_webhook_again')).toBe('Process webhook again');
    expect(staffActionLabel('capture')).toBe('Capture');
    expect(staffActionLabel('settle')).toBe('settle');
  });
});

describe('formatShopDay', () => {
  it('writes a day the way the tables write dates, not the browser’s way', () => {
    expect(formatShopDay('2026-12-07')).toBe('07.12.2026');
    expect(formatDateTime('2026-12-07T11:00:00Z').startsWith(formatShopDay('2026-12-07'))).toBe(true);
  });
});
