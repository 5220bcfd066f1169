/**
 * `npm run simulator`: the Vipps MobilePay simulator as its own process, configured by SIM_* variables
 * (see simulator/README.md). Prints a clear message and exits 1 on bad configuration.
 */
import { stopOnSignals } from './stop-on-signals';

// First, before the server code is even loaded: a SIGTERM during start-up is a clean stop too.
const stop = stopOnSignals();

async function main(): Promise<void> {
  const { ConfigError, configFromEnv } = await import('./config');
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { startSimulator } = await import('./server');
  const running = await startSimulator(config);
  stop.started(() => running.close());
  if (stop.requested) return;
  const { publicUrl, acceptedMsns } = running.simulator.config;
  // Printed only once a stop signal is handled: whoever waits for this line may send SIGTERM right after it.
  // Never the subscription key or client secret: logs get shared.
  console.log(`Vipps simulator listening on ${running.url} (public URL ${publicUrl}; MSN ${acceptedMsns.join(', ')})`);
}

main().catch((error: unknown) => {
  console.error('Vipps simulator failed to start:', error);
  process.exit(1);
});
