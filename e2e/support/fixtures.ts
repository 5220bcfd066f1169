/**
 * The e2e test-support home. Every spec imports `test` and `expect` from here:
 *
 *   import { expect, test } from './support/fixtures';
 *   test('an operator captures part of a reservation', async ({ page, reservedOrder, signInAs, sim }) => { … });
 *
 * Fixtures (each one is made only for a test that names it):
 * - `sim`: the simulator's test-control API, the client the simulator package exports
 *   (`@fjellbutikken/vipps-simulator/control`): `sim.payment(ref)`, `sim.approve(ref)`, `sim.advanceClock(s)`,
 *   `sim.faults.add({...})`, `sim.webhooks.deliveries({ reference })`, `sim.requests({ reference })`, …
 *   Every call throws unless the simulator answered 2xx.
 * - `signInAs(role, returnTo = '/admin')`: signs the test's `page` in through the real form as the demo
 *   `'operator'` or `'viewer'` (lib/server/env/demo-staff.ts) and waits until it is on `returnTo`.
 * - `reservedOrder`: one order checked out through the shop's own route and approved on the simulator's landing
 *   page (the test's `page` goes there), its whole amount (RESERVED_ORDER_TOTAL_ORE) reserved and the shop knowing
 *   it is paid. Has `orderNumber`, `reference`, `redirectUrl` and `path` (the staff order page).
 * - `reserveOrder({ phoneNumber }?)`: the same, for a test that needs more than one order or a phone number.
 *
 * Where a fixture cannot reach (`beforeAll`, a second browser context) use the plain functions re-exported below:
 * `signIn(page, role, returnTo)`, `reserveOrderIn(page, options)`, `demoStaff(role)`.
 */
import { test as base } from '@playwright/test';
import { simulatorControl, type SimulatorControl } from '@fjellbutikken/vipps-simulator/control';
import type { StaffRole } from '@/lib/server/auth/roles';
import { SIM_URL } from './servers';
import { reserveOrder, type ReservedOrder } from './shop';
import { signIn } from './staff';

export interface ShopFixtures {
  sim: SimulatorControl;
  signInAs: (role: StaffRole, returnTo?: string) => Promise<void>;
  reservedOrder: ReservedOrder;
  reserveOrder: (options?: { phoneNumber?: string }) => Promise<ReservedOrder>;
}

export const test = base.extend<ShopFixtures>({
  // Playwright reads which fixtures a fixture needs from its first parameter's pattern: `{}` is none.
  sim: async ({}, provide) => {
    await provide(simulatorControl(SIM_URL));
  },
  signInAs: async ({ page }, provide) => {
    await provide((role, returnTo) => signIn(page, role, returnTo));
  },
  reserveOrder: async ({ page }, provide) => {
    await provide((options) => reserveOrder(page, options));
  },
  reservedOrder: async ({ reserveOrder: reserve }, provide) => {
    await provide(await reserve());
  },
});

export { expect } from '@playwright/test';
export {
  RESERVED_ORDER_ITEMS,
  RESERVED_ORDER_TOTAL_ORE,
  reserveOrder as reserveOrderIn,
  type ReservedOrder,
} from './shop';
export { demoStaff, signIn } from './staff';
