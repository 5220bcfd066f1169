import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  THROTTLE_RULES,
  THROTTLE_WINDOW_SECONDS,
  clearSignInAttempts,
  countSignInAttempt,
  delayAfter,
  type ThrottleKey,
} from '@/lib/server/auth/login-throttle';
import type { DbHandle } from '@/lib/server/db/core';
import { DRIVERS } from '../db-drivers';

const address: ThrottleKey = { scope: 'address', id: '203.0.113.7' };
const account: ThrottleKey = { scope: 'account', id: 'staff@example.com' };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + seconds * 1000);

describe('delayAfter', () => {
  it('is free for the allowed attempts, then doubles up to the cap', () => {
    const rule = { freeAttempts: 3, maxDelaySeconds: 10 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => delayAfter(n, rule))).toEqual([0, 0, 0, 1, 2, 4, 8, 10, 10]);
  });
});

describe.each(DRIVERS)('sign-in throttle on $name', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from login_throttle`);
  });

  it('refuses with a growing Retry-After once the free attempts are used', async () => {
    const free = THROTTLE_RULES.account.freeAttempts;
    for (let i = 0; i < free; i++) {
      expect(await countSignInAttempt(handle.db, [account], at(0))).toEqual({ allowed: true });
    }
    // The next attempt is still let through but starts a 1 s delay; then 2 s, 4 s …
    expect(await countSignInAttempt(handle.db, [account], at(0))).toEqual({ allowed: true });
    expect(await countSignInAttempt(handle.db, [account], at(0))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await countSignInAttempt(handle.db, [account], at(1))).toEqual({ allowed: true });
    expect(await countSignInAttempt(handle.db, [account], at(2))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await countSignInAttempt(handle.db, [account], at(3))).toEqual({ allowed: true });
    expect(await countSignInAttempt(handle.db, [account], at(3))).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  it('never blocks an account for longer than its cap, however long the attack', async () => {
    let now = 0;
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      const verdict = await countSignInAttempt(handle.db, [account], at(now));
      if (!verdict.allowed) {
        longest = Math.max(longest, verdict.retryAfterSeconds);
        now += verdict.retryAfterSeconds;
      }
    }
    expect(longest).toBe(THROTTLE_RULES.account.maxDelaySeconds);
  });

  // A fresh-clone CI run: two app instances signed the same staff member in at once, and one got a 429. Each
  // instance stamps its attempt with its own clock, so the attempt written second can carry the earlier time;
  // a free attempt must not block anything, whatever order the stamps arrive in.
  it('never refuses a free attempt that arrives stamped earlier than the one before it', async () => {
    expect(await countSignInAttempt(handle.db, [account], at(0.005))).toEqual({ allowed: true });
    expect(await countSignInAttempt(handle.db, [account], at(0))).toEqual({ allowed: true });
  });

  it('lets a hundred parallel guesses through only up to the free attempts', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 100 }, () => countSignInAttempt(handle.db, [address], at(0))),
    );
    // Free attempts plus the one that starts the first delay.
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(THROTTLE_RULES.address.freeAttempts + 1);
  });

  it('does not count the account while the address is blocked, and clears both after a success', async () => {
    for (let i = 0; i <= THROTTLE_RULES.address.freeAttempts; i++) {
      await countSignInAttempt(handle.db, [address], at(0));
    }
    expect((await countSignInAttempt(handle.db, [address, account], at(0))).allowed).toBe(false);
    const rows = await handle.db.execute(sql`select key from login_throttle`);
    expect(JSON.stringify(rows)).not.toContain('account:');
    await clearSignInAttempts(handle.db, [address, account]);
    expect(await countSignInAttempt(handle.db, [address, account], at(0))).toEqual({ allowed: true });
  });

  it('starts counting again after a quiet window', async () => {
    for (let i = 0; i <= THROTTLE_RULES.account.freeAttempts; i++) {
      await countSignInAttempt(handle.db, [account], at(0));
    }
    expect((await countSignInAttempt(handle.db, [account], at(0))).allowed).toBe(false);
    const later = THROTTLE_WINDOW_SECONDS + 1;
    for (let i = 0; i < THROTTLE_RULES.account.freeAttempts; i++) {
      expect(await countSignInAttempt(handle.db, [account], at(later))).toEqual({ allowed: true });
    }
  });
});
