// An open-loop load: requests start at evenly spaced moments, whether or not earlier ones were answered, over
// at most `connections` keep-alive sockets. autocannon's own pacing (`overallRate`) sends each connection's
// share of a second in one burst at the start of that second, so it measures bursts, not a steady rate.
// Each latency runs from the moment its request was due, not from when a socket was free (no coordinated
// omission: a stalled server is charged for every request it kept waiting).
import http from 'node:http';
import type { Load } from './load';
import { quantile } from './stats';

const TICK_MS = 2;

export async function pacedLoad(url: string, connections: number, seconds: number, rate: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let bad = 0;
  let sent = 0;
  const started = performance.now();
  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - dueAt);
          if (response.statusCode !== 200) bad++;
          resolve();
        });
      });
      request.on('error', () => {
        bad++;
        resolve();
      });
    });
  const inFlight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const now = performance.now();
      while (sent < total && started + (sent * 1000) / rate <= now) {
        inFlight.push(send(started + (sent * 1000) / rate));
        sent++;
      }
      if (sent === total) {
        clearInterval(timer);
        done();
      }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    requests: latencies.length,
    bad,
  };
}
