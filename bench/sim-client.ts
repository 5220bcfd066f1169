// Our Vipps client pointed at a simulator with its built-in credentials, quiet, for the bench scripts.
import pino from 'pino';
import { SIMULATOR_CREDENTIALS } from '@fjellbutikken/vipps-simulator/defaults';
import { createVippsClient, type VippsClient } from '../lib/server/vipps/client';

export function simulatorClient(baseUrl: string, { allowForceApprove = false } = {}): VippsClient {
  const { msn, ...credentials } = SIMULATOR_CREDENTIALS;
  return createVippsClient(
    {
      baseUrl,
      ...credentials,
      merchantSerialNumber: msn,
      systemName: 'bench',
      systemVersion: '0.0.0',
      pluginName: 'bench',
      pluginVersion: '0.0.0',
      requestTimeoutMs: 10_000,
      retryDeadlineMs: 30_000,
      allowForceApprove,
    },
    {
      fetch: (request) => fetch(request),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      logger: pino({ level: 'silent' }),
    },
  );
}
