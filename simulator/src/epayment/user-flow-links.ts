/**
 * Where each user flow sends the shopper (BRIEF §4.2). Real Vipps uses landing.vipps.no, qr-image.vipps.no and
 * the `vipps://`/`vippsMT://` app schemes; the simulator serves the landing page and QR image itself.
 */
import type { QrFormat, UserFlow } from './payment';

export const landingUrl = (publicUrl: string, token: string) => `${publicUrl}/landing?token=${token}`;

export const qrImageUrl = (publicUrl: string, token: string) => `${publicUrl}/qr/v1?token=${token}`;

/** The test app's scheme (BRIEF §4.2: "the test app uses the `vippsMT://` scheme"); the token also opens the landing page. */
export const appDeepLink = (token: string) => `vippsmt://?token=${token}`;

export function redirectUrlFor(flow: UserFlow, qrFormat: QrFormat, publicUrl: string, token: string): string | null {
  switch (flow) {
    case 'WEB_REDIRECT':
      return landingUrl(publicUrl, token);
    case 'NATIVE_REDIRECT':
      return appDeepLink(token);
    case 'QR':
      return qrFormat === 'TEXT/TARGETURL' ? landingUrl(publicUrl, token) : qrImageUrl(publicUrl, token);
    case 'PUSH_MESSAGE':
      // The payment waits in the simulated app of customer.phoneNumber: GET /app/{phoneNumber}.
      return null;
  }
}
