/**
 * The simulator's default test credentials: the one place e2e specs, benches and tests take them from
 * (`import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults'`).
 * `clientId` and `clientSecret` are the examples of `access-token-api.swagger.yaml`, so copied snippets work.
 * The shop keeps its own copy in `lib/server/env/schema.ts` (the app must not import the simulator); an app-side
 * unit test is to pin the two equal.
 */
export const SIMULATOR_CREDENTIALS = {
  clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de',
  clientSecret: 'Y8Kteew6GE2ZmeycEt6egg==',
  subscriptionKey: 'sim-subscription-key-0000',
  /** The default accepted Merchant-Serial-Number (BRIEF §3: `^[0-9]{4,6}$`). */
  msn: '123456',
} as const;

/** Where `npm run simulator` listens unless SIM_PORT/SIM_HOST say otherwise. */
export const SIMULATOR_DEFAULT_PORT = 4010;
export const SIMULATOR_DEFAULT_HOST = '127.0.0.1';
