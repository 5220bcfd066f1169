// A running simulator plus helpers to build real Vipps clients against it. Its control API (`/_sim/...`) is
// `harness.sim`, the client the simulator package exports.
import { createVippsClient, type VippsClient } from '@/lib/server/vipps/client';
import type { VippsClientConfig } from '@/lib/server/vipps/config';
import type { VippsLogger } from '@/lib/server/vipps/attempt';
import type { VippsError } from '@/lib/server/vipps/errors';
import type { CreatePaymentRequest } from '@/lib/server/vipps/types';
import { startSimulator } from '@fjellbutikken/vipps-simulator';
import { simulatorControl } from '@fjellbutikken/vipps-simulator/control';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness() {
  const sim = await startSimulator({ port: 0, logLevel: 'silent' });
  /** Every attempt's log line, so tests can prove a fault really happened and was retried. */
  let attempts: Record<string, unknown>[] = [];
  const recordingLogger = {
    info: (fields: object) => attempts.push({ ...fields }),
    warn: (fields: object) => attempts.push({ ...fields }),
  };

  const control = simulatorControl(sim);

  return {
    url: sim.url,
    /** The simulator's test-control API: play the shopper, inject faults, read its own view of a payment. */
    sim: control,
    close: () => sim.close(),
    async reset() {
      attempts = [];
      await control.reset();
    },
    /**
     * A real client: real fetch and timers, simulator credentials, short backoff so fault tests stay fast. Its
     * attempts are recorded for `attemptsOf` unless the test brings its own logger.
     */
    newClient(overrides: Partial<VippsClientConfig> = {}, logger: VippsLogger = recordingLogger): VippsClient {
      const config: VippsClientConfig = {
        baseUrl: sim.url,
        clientId: SIMULATOR_CREDENTIALS.clientId,
        clientSecret: SIMULATOR_CREDENTIALS.clientSecret,
        subscriptionKey: SIMULATOR_CREDENTIALS.subscriptionKey,
        merchantSerialNumber: SIMULATOR_CREDENTIALS.msn,
        systemName: 'vipps-epayment-demo-shop',
        systemVersion: '0.1.0',
        pluginName: 'vipps-epayment-demo-shop',
        pluginVersion: '0.1.0',
        requestTimeoutMs: 3_000,
        retryDeadlineMs: 15_000,
        allowForceApprove: true,
        retryPolicy: { baseDelayMs: 20, maxDelayMs: 200 },
        ...overrides,
      };
      return createVippsClient(config, {
        fetch: (request) => fetch(request),
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        random: () => Math.random(),
        logger,
      });
    },
    attemptsOf: (operation: string, reference?: string) =>
      attempts.filter((a) => a.operation === operation && (reference === undefined || a.reference === reference)),
  };
}

let counter = 0;
export const newReference = () =>
  `it-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function paymentBody(reference: string, value = 10_000): CreatePaymentRequest {
  return {
    amount: { currency: 'NOK', value },
    paymentMethod: { type: 'WALLET' },
    reference,
    userFlow: 'WEB_REDIRECT',
    returnUrl: `https://shop.example/orders/${reference}`,
    paymentDescription: 'Integration test order',
  };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<VippsError> {
  try {
    await promise;
  } catch (error) {
    return error as VippsError;
  }
  throw new Error('expected the call to fail');
}
