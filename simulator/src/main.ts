// Placeholder entry point: replaced by the full simulator (issue 3).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.SIM_PORT ?? 4010);
const app = new Hono();
app.get('/_sim/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Vipps simulator listening on http://localhost:${info.port}`);
});
