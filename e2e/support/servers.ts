// Ports and URLs of the servers Playwright starts (playwright.config.ts) — one place for both.
export const APP_PORT = Number(process.env.E2E_PORT ?? 3200);
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4210);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SIM_URL = `http://localhost:${SIM_PORT}`;

/** The simulator's default test credentials, which the shop also defaults to: one home, the simulator package. */
export { SIMULATOR_CREDENTIALS as SIM_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
