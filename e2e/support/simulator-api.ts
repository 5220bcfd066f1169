import { expect, type APIRequestContext } from '@playwright/test';
import { SIM_CREDENTIALS, SIM_URL } from './servers';

/** Creates a payment straight through the simulator's ePayment API, as a merchant backend would. */
export async function createSimulatorPayment(
  request: APIRequestContext,
  body: Record<string, unknown> & { reference: string },
): Promise<{ redirectUrl?: string; reference: string }> {
  const tokenResponse = await request.post(`${SIM_URL}/accesstoken/get`, {
    headers: {
      client_id: SIM_CREDENTIALS.clientId,
      client_secret: SIM_CREDENTIALS.clientSecret,
      'Ocp-Apim-Subscription-Key': SIM_CREDENTIALS.subscriptionKey,
    },
  });
  expect(tokenResponse.status()).toBe(200);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const created = await request.post(`${SIM_URL}/epayment/v1/payments`, {
    headers: {
      Authorization: `Bearer ${token}`,
      'Ocp-Apim-Subscription-Key': SIM_CREDENTIALS.subscriptionKey,
      'Merchant-Serial-Number': SIM_CREDENTIALS.msn,
      'Idempotency-Key': `e2e-${body.reference}`,
    },
    data: body,
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { redirectUrl?: string; reference: string };
}
