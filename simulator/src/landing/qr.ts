/**
 * `GET /qr/v1?token=…`: the QR image a QR-flow `redirectUrl` points at (BRIEF §4.2, like qr-image.vipps.no).
 * It encodes the landing-page URL; SVG by default, PNG at `qrFormat.size` (100-2000 px) when asked for.
 */
import { Hono } from 'hono';
import QRCode from 'qrcode';
import type { SimContext } from '../context';
import type { SimEnv } from '../http/sim-env';
import { landingUrl } from '../epayment/user-flow-links';

export function qrRoutes(sim: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get('/qr/v1', async (c) => {
    const payment = sim.store.byLinkToken(c.req.query('token') ?? '');
    if (!payment) return c.text('Unknown QR token', 404);
    c.set('logReference', payment.reference);
    const target = landingUrl(sim.config.publicUrl, payment.linkToken);
    if (payment.qrFormat === 'IMAGE/PNG') {
      const png = await QRCode.toBuffer(target, { type: 'png', width: payment.qrSize, margin: 2 });
      return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png' });
    }
    const svg = await QRCode.toString(target, { type: 'svg', margin: 2 });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml' });
  });
  return app;
}
