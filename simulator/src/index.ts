/**
 * The package's public surface: start a simulator in-process (tests of any project), or build one without
 * listening (`createSimulator(...).app.request`). `npx vipps-simulator` runs it as its own process.
 */
export { createSimulator, startSimulator, type RunningSimulator, type Simulator } from './server';
export { configFromEnv, resolveConfig, ConfigError, type SimConfig } from './config';
export { SIMULATOR_CREDENTIALS, SIMULATOR_DEFAULT_HOST, SIMULATOR_DEFAULT_PORT } from './defaults';
export {
  simulatorControl,
  SimulatorControlError,
  type SimulatorControl,
  type ControlPaymentView,
} from './control/client';
