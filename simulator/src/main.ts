/**
 * `npm run simulator`: the Vipps MobilePay simulator as its own process, configured by SIM_* variables
 * (see simulator/README.md). Prints a clear message and exits 1 on bad configuration.
 */
import { ConfigError, configFromEnv } from './config';
import { startSimulator } from './server';

async function main(): Promise<void> {
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
  const running = await startSimulator(config);
  const { publicUrl, acceptedMsns } = running.simulator.config;
  // Never the subscription key or client secret: logs get shared (review issue 7, point 7).
  console.log(`Vipps simulator listening on ${running.url} (public URL ${publicUrl}; MSN ${acceptedMsns.join(', ')})`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Vipps simulator failed to start:', error);
  process.exit(1);
});
