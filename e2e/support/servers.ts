// Ports and URLs of the servers Playwright starts (playwright.config.ts) — one place for both.
export const APP_PORT = Number(process.env.E2E_PORT ?? 3200);
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4210);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SIM_URL = `http://localhost:${SIM_PORT}`;

/** The simulator's default test credentials (simulator/README.md), which the shop also defaults to. */
export const SIM_CREDENTIALS = {
  clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de',
  clientSecret: 'Y8Kteew6GE2ZmeycEt6egg==',
  subscriptionKey: 'sim-subscription-key-0000',
  msn: '123456',
};
