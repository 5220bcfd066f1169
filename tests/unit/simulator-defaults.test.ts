import { describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS, SIMULATOR_DEFAULT_PORT } from '@fjellbutikken/vipps-simulator/defaults';
import { SIMULATOR_DEFAULTS } from '@/lib/server/env/schema';

// The shop may not import the simulator, so it keeps its own copy of the simulator's test credentials as
// defaults; this pins the two together.
describe("the shop's simulator defaults", () => {
  it('equal the credentials the simulator accepts out of the box', () => {
    expect({
      clientId: SIMULATOR_DEFAULTS.VIPPS_CLIENT_ID,
      clientSecret: SIMULATOR_DEFAULTS.VIPPS_CLIENT_SECRET,
      subscriptionKey: SIMULATOR_DEFAULTS.VIPPS_SUBSCRIPTION_KEY,
      msn: SIMULATOR_DEFAULTS.VIPPS_MSN,
    }).toEqual(SIMULATOR_CREDENTIALS);
    expect(new URL(SIMULATOR_DEFAULTS.VIPPS_BASE_URL).port).toBe(String(SIMULATOR_DEFAULT_PORT));
  });
});
